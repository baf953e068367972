/**
 * "Something was appended". Readers note the version before they read, so an append that lands
 * between their read and their wait still wakes them.
 */
export class WakeSignal {
  private currentVersion = 0;
  private waiters = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  notify(): void {
    this.currentVersion++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves at the first notify after `seen` (at once if one already happened). `cancel` drops
   * the waiter: a poller that woke on its timer must not leave one behind per poll.
   */
  waitSince(seen: number): { readonly woken: Promise<void>; cancel(): void } {
    if (this.currentVersion !== seen) return { woken: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    return { woken, cancel: () => this.waiters.delete(wake) };
  }
}
