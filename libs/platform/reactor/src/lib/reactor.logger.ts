import { createLineLogger, type LineLogger, type LogLevel } from '@sooc/runtime';

/** What the reactor needs of a logger. `warn` reports a command refused by its aggregate: an answer, not a fault. */
export type ReactorLog = LineLogger;

/** `sooc reactor: …`, warnings on stdout as `warning: …`, errors on stderr. */
export function createLogger(level: LogLevel, out?: (line: string) => void, err?: (line: string) => void): ReactorLog {
  return createLineLogger('reactor', level, { ...(out ? { out } : {}), ...(err ? { err } : {}) });
}
