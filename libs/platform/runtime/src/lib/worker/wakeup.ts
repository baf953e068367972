/**
 * A sleep that fire() cuts short. A fire() while nobody sleeps is kept for the next sleep, so a
 * stop or a failure arriving between two checks is never slept through.
 */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | null = null;

  fire(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
