import { systemClock, type Clock } from '@sooc/timing';
import { readFileSync } from 'node:fs';
import { ConfigError } from './config.error';
import type { Env } from './env.reader';

export const CLOCK_FILE_VARIABLE = 'SOOC_CLOCK_FILE';
const EXPECTED = 'a file holding an ISO-8601 instant, e.g. 2026-03-03T09:00:00Z';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Re-read at most this often: a worker asks for the time per command, the file changes per demo step. */
export const CLOCK_FILE_REFRESH_MS = 50;

/** The clock file is missing or does not hold an instant; the message names the variable and the file. */
export class ClockFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${CLOCK_FILE_VARIABLE}=${JSON.stringify(file)}: expected ${EXPECTED} (${reason})`);
    this.name = 'ClockFileError';
  }
}

function readInstant(file: string): Date {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ClockFileError(file, code === 'ENOENT' ? 'no such file' : `unreadable: ${(error as Error).message}`);
  }
  const ms = ISO_INSTANT.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new ClockFileError(file, `it holds ${JSON.stringify(text.slice(0, 60))}`);
  return new Date(ms);
}

/**
 * A test and demo aid, never for production: time stands still at the instant written in the
 * file, and moves when someone rewrites it, so a test (or a demo operator) can send a running
 * reactor two hours ahead and watch offers expire, across processes. Write the file atomically
 * (a temporary file renamed over it): a half-written file reads as an error.
 */
export function fileClock(file: string, refreshMs = CLOCK_FILE_REFRESH_MS): Clock {
  let current = readInstant(file);
  let readAt = performance.now();
  return {
    now() {
      if (performance.now() - readAt >= refreshMs) {
        current = readInstant(file);
        readAt = performance.now();
      }
      return new Date(current.getTime());
    },
  };
}

/**
 * The system clock, or the file clock when SOOC_CLOCK_FILE is set. A missing or unparsable file
 * at start is a ConfigError, so a worker exits naming the variable like any bad setting.
 */
export function clockFromEnv(env: Env = process.env): Clock {
  const file = env[CLOCK_FILE_VARIABLE]?.trim();
  if (!file) return systemClock;
  try {
    return fileClock(file);
  } catch (error) {
    if (!(error instanceof ClockFileError)) throw error;
    throw new ConfigError([{ variable: CLOCK_FILE_VARIABLE, value: file, expected: `${EXPECTED} (${error.reason})` }]);
  }
}
