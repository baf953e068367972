import type { Signal } from '@sooc/timing';

export interface Backoff {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 100, maxMs: 10_000 };

/**
 * Runs `task` until it succeeds, waiting longer after each failure (doubling, capped): a store
 * that is down is waited for, never skipped. The first attempt always runs, so work under way
 * when the reactor stops is finished; only a failure while stopping gives up, returning false so
 * the caller leaves the work for the next start.
 */
export async function untilDone(
  task: () => Promise<void>,
  stop: Signal,
  onFailure: (error: unknown, attempt: number, delayMs: number) => void,
  backoff: Backoff = DEFAULT_BACKOFF,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await task();
      return true;
    } catch (error) {
      const delayMs = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(attempt - 1, 20));
      if (stop.isSet) return false;
      onFailure(error, attempt, delayMs);
      if (!(await stop.sleep(delayMs))) return false;
    }
  }
}
