/**
 * A repeatable "something happened" that waiters can leave again. Racing one long-lived promise
 * instead would pile up a reaction per race for the life of the runner.
 */
export class Signal {
  private waiters = new Set<() => void>();

  fire(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** The next fire; call `cancel` when you stop waiting for it. */
  listen(): { readonly fired: Promise<void>; cancel(): void } {
    let wake!: () => void;
    const fired = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    return { fired, cancel: () => this.waiters.delete(wake) };
  }

  /** Resolves at the next fire or after `timeoutMs`, whichever comes first. */
  async wait(timeoutMs: number): Promise<void> {
    const { fired, cancel } = this.listen();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([fired, timedOut]);
    } finally {
      clearTimeout(timer);
      cancel();
    }
  }
}
