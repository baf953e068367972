import type { LogLevel } from '@sooc/runtime';

const RANK: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * One line per message, prefixed like the gateway's, so an operator can grep both. Warnings and errors
 * go to stderr: a supervisor that keeps only stderr still sees why the worker stopped.
 */
export function createLogger(level: LogLevel, out: (line: string) => void = (l) => process.stdout.write(l), err: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const enabled = (l: LogLevel) => RANK[l] >= RANK[level];
  return {
    info: (message) => enabled('info') && out(`sooc projector: ${message}\n`),
    debug: (message) => enabled('debug') && out(`sooc projector: ${message}\n`),
    warn: (message) => enabled('warn') && err(`sooc projector: ${message}\n`),
    error: (message) => enabled('error') && err(`sooc projector: ${message}\n`),
  } as Logger;
}
