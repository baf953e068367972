/**
 * "Something happened", for waiters that must not miss it: every wake, stop and poll of the
 * system is one of these. It counts its fires, so a waiter notes `version` before it looks and
 * then waits for a fire *since* that: one that lands in between still wakes it. Waiters can
 * leave (`cancel`), so a loop that races it against a timer piles nothing up.
 */
export class Signal {
  private fires = 0;
  private waiters = new Set<() => void>();

  /** How many times it fired. */
  get version(): number {
    return this.fires;
  }

  /** It fired at least once: a stop that was asked for. */
  get isSet(): boolean {
    return this.fires > 0;
  }

  fire(): void {
    this.fires++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** The first fire after `seen` (at once if there was one); by default the next fire. */
  listen(seen = this.fires): { readonly fired: Promise<void>; cancel(): void } {
    if (this.fires !== seen) return { fired: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const fired = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    return { fired, cancel: () => this.waiters.delete(wake) };
  }

  /** Resolves at the next fire or after `timeoutMs`, whichever comes first. */
  async wait(timeoutMs: number): Promise<void> {
    await this.sleep(timeoutMs, this.fires);
  }

  /**
   * Sleeps `ms`, cut short by a fire after `seen` (by default any fire: a stop). True when it
   * slept the whole time, false when a fire cut it short.
   */
  async sleep(ms: number, seen = 0): Promise<boolean> {
    const { fired, cancel } = this.listen(seen);
    let timer: NodeJS.Timeout | undefined;
    const slept = new Promise<void>((resolve) => {
      if (Number.isFinite(ms)) timer = setTimeout(resolve, ms);
    });
    try {
      await Promise.race([fired, slept]);
    } finally {
      clearTimeout(timer);
      cancel();
    }
    return this.fires === seen;
  }
}
