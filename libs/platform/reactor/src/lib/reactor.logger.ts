import type { LogLevel } from '@sooc/runtime';

const RANK: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** What the reactor needs of a logger; the gateway adapts its own when it runs the reactor in-process. */
export interface ReactorLog {
  debug(message: string): void;
  info(message: string): void;
  /** A command refused by its aggregate: an answer, not a fault, but someone may want to know why. */
  warn(message: string): void;
  error(message: string): void;
}

/**
 * One line per message, prefixed like the projector's, so an operator can grep every worker the
 * same way. Errors go to stderr: a supervisor that keeps only stderr still sees why it stopped.
 */
export function createLogger(level: LogLevel, out: (line: string) => void = (l) => process.stdout.write(l), err: (line: string) => void = (l) => process.stderr.write(l)): ReactorLog {
  const enabled = (l: LogLevel) => RANK[l] >= RANK[level];
  const line = (write: (line: string) => void, l: LogLevel, prefix: string) => (message: string) => {
    if (enabled(l)) write(`sooc reactor: ${prefix}${message}\n`);
  };
  return { debug: line(out, 'debug', ''), info: line(out, 'info', ''), warn: line(out, 'warn', 'warning: '), error: line(err, 'error', '') };
}
