import type { LogLevel } from './store.config';

const RANK: Readonly<Record<LogLevel, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/** What the workers log through (the projector, the reactor, the gateway's embedded ones). */
export interface LineLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LineLoggerOptions {
  /**
   * 'stderr' (the projector: a warning is about its lease or its store), or 'stdout' with a
   * `warning: ` prefix (the reactor: its warnings are refused commands, answers rather than faults).
   */
  readonly warningsTo?: 'stdout' | 'stderr';
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

/**
 * One line per message, `sooc <name>: …`, the same prefix in every process, so one grep finds a
 * worker's lines whether it runs alone or inside the gateway. Errors go to stderr: a supervisor
 * that keeps only stderr still sees why a worker stopped.
 */
export function createLineLogger(name: string, level: LogLevel, options: LineLoggerOptions = {}): LineLogger {
  const out = options.out ?? ((l: string) => process.stdout.write(l));
  const err = options.err ?? ((l: string) => process.stderr.write(l));
  const line =
    (write: (line: string) => void, at: LogLevel, prefix = '') =>
    (message: string) => {
      if (RANK[at] >= RANK[level]) write(`sooc ${name}: ${prefix}${message}\n`);
    };
  const warn = options.warningsTo === 'stderr' ? line(err, 'warn') : line(out, 'warn', 'warning: ');
  return { debug: line(out, 'debug'), info: line(out, 'info'), warn, error: line(err, 'error') };
}
