import { InvalidArgumentError } from 'commander';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** A local token lives at most this long: long enough for a demo, short enough to forget a leaked one. */
export const MAX_TTL_SECONDS = 30 * 86_400;

/** `--ttl`: seconds, or a number with s, m, h or d ("90m", "12h"). */
export function parseTtl(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_TTL_SECONDS))
    throw new InvalidArgumentError(
      `expected seconds or a duration such as 90m, 12h or 7d, at most ${MAX_TTL_SECONDS / 86_400}d`,
    );
  return seconds;
}
