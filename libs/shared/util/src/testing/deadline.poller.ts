/** What a probe returns while what it waits for does not hold yet. */
type Unmet = null | undefined | false;

export interface PollOptions {
  /** How long to wait in all (default 30 s). */
  readonly timeoutMs?: number;
  /** The pause between two probes (default 20 ms). */
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns something other than null, undefined or false, and resolves with
 * that value. A deadline, not a sleep: on a busy machine the wait takes as long as it must, up to
 * `timeoutMs`, then fails naming `what`. A probe that throws ends the wait with its error.
 * `options` is the timeout in ms, or `{ timeoutMs, intervalMs }`.
 */
export function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  options: number | PollOptions = {},
): Promise<Exclude<T, Unmet>> {
  const { timeoutMs = 30_000, intervalMs = 20 } = typeof options === 'number' ? { timeoutMs: options } : options;
  return poll(
    async () => {
      const value = await probe();
      return value === null || value === undefined || value === false ? null : [value as Exclude<T, Unmet>];
    },
    timeoutMs,
    intervalMs,
    () => `timed out after ${timeoutMs} ms waiting for ${what}`,
  );
}

/**
 * Reads until `done` holds of what `read` returned, and resolves with that value; after
 * `timeoutMs` fails with the last value read (JSON, cut short), for what the workers do after a
 * request has returned.
 */
export function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  let last: T | undefined;
  return poll(
    async () => {
      last = await read();
      return done(last) ? [last] : null;
    },
    timeoutMs,
    100,
    () => `not settled after ${timeoutMs} ms; last value: ${String(JSON.stringify(last)).slice(0, 1500)}`,
  );
}

/** The one loop: the probe's value boxed once it holds (so that any T can be the answer), null before. */
async function poll<T>(
  probe: () => Promise<readonly [T] | null>,
  timeoutMs: number,
  intervalMs: number,
  failure: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held = await probe();
    if (held) return held[0];
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
