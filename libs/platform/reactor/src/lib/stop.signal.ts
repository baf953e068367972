/** Set once when the reactor stops; waits (backoff sleeps, idle timers) end early on it. */
export class StopSignal {
  private stopped = false;
  private release!: () => void;
  readonly promise = new Promise<void>((resolve) => (this.release = resolve));

  get isSet(): boolean {
    return this.stopped;
  }

  set(): void {
    this.stopped = true;
    this.release();
  }

  /** Sleeps `ms`, or less if the signal is set meanwhile; true when it was not. */
  async sleep(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    return !this.stopped;
  }
}
