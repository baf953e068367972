const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The published retry schedule: the wait before each attempt of a message, the first one
 * immediate. It is the example schedule of the Standard Webhooks specification ("Deliverability
 * and reliability"): ten attempts over about three days, enough to ride out a receiver's long
 * outage. After the last attempt fails, the message is parked (replayable by hand).
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;

export interface RetryOptions {
  /** Multiplies every wait: 1 in production, e.g. 0.001 in tests to live three days in four minutes. */
  readonly scale?: number;
  readonly schedule?: readonly number[];
}

/**
 * When to make the next attempt of a message after `attempts` attempts have failed (0: none made
 * yet, so now), or null once the schedule is spent and the message is parked. Full jitter: the
 * wait is drawn uniformly between 0 and the published one, so receivers that come back from an
 * outage are not hit by every sender's retries at the same instant; the schedule is the most a
 * message waits before each attempt. `random` returns [0, 1) like Math.random.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  random: () => number,
  options: RetryOptions = {},
): Date | null {
  const { scale = 1, schedule = RETRY_SCHEDULE_MS } = options;
  if (!Number.isInteger(attempts) || attempts < 0)
    throw new Error(`attempts must be a whole number ≥ 0, got ${attempts}`);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  if (attempts >= schedule.length) return null;
  const wait = schedule[attempts] * scale;
  return new Date(now.getTime() + Math.floor(random() * wait));
}
