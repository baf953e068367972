import { MAX_ATTEMPTS, nextAttemptAt, RETRY_SCHEDULE_MS } from './retry.schedule';

const NOW = new Date('2026-03-03T09:00:00.000Z');
const after = (ms: number) => new Date(NOW.getTime() + ms);
const longest = () => 1 - Number.EPSILON;
const shortest = () => 0;

describe('the retry schedule', () => {
  it('is the Standard Webhooks example: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h', () => {
    const minutes = RETRY_SCHEDULE_MS.map((ms) => ms / 60_000);
    expect(minutes).toEqual([0, 5 / 60, 5, 30, 120, 300, 600, 840, 1200, 1440]);
    expect(MAX_ATTEMPTS).toBe(10);
  });

  it('makes the first attempt at once', () => {
    expect(nextAttemptAt(0, NOW, longest)).toEqual(NOW);
  });

  it('waits at most the published delay before each retry', () => {
    expect(nextAttemptAt(1, NOW, longest)).toEqual(after(4_999));
    expect(nextAttemptAt(2, NOW, longest)).toEqual(after(5 * 60_000 - 1));
    expect(nextAttemptAt(9, NOW, longest)).toEqual(after(24 * 3_600_000 - 1));
  });

  it('spreads the wait between nothing and the published delay (full jitter)', () => {
    expect(nextAttemptAt(3, NOW, shortest)).toEqual(NOW);
    expect(nextAttemptAt(3, NOW, () => 0.5)).toEqual(after(15 * 60_000));
  });

  it('parks the message once the last attempt has failed', () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, NOW, longest)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS + 3, NOW, longest)).toBeNull();
  });

  it('compresses every wait by the scale, for tests', () => {
    expect(nextAttemptAt(9, NOW, () => 0.5, { scale: 0.001 })).toEqual(after(43_200));
    expect(nextAttemptAt(1, NOW, () => 0.5, { schedule: [0, 100] })).toEqual(after(50));
  });

  it('refuses a negative or fractional attempt count and a scale that is not positive', () => {
    expect(() => nextAttemptAt(-1, NOW, shortest)).toThrow('attempts');
    expect(() => nextAttemptAt(1.5, NOW, shortest)).toThrow('attempts');
    expect(() => nextAttemptAt(1, NOW, shortest, { scale: 0 })).toThrow('scale');
    expect(() => nextAttemptAt(1, NOW, shortest, { scale: Number.NaN })).toThrow('scale');
  });
});
