import type { LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';
import { createLineLogger, type LineLogger, type LogLevel } from '@sooc/runtime';

const STACK = /\n\s+at /;

/**
 * Nest's logs in the workers' format, one `sooc gateway: [Context] message` line each, at the level
 * `LOG_LEVEL` sets: warnings and errors on stderr, the rest on stdout. Nest's start-up chatter
 * (`log`: modules initialised, routes mapped) is `debug` here, `verbose` is `trace`; the gateway's
 * own start lines and its ready line say what an operator needs at `info`.
 */
export class NestLineLogger implements LoggerService {
  private readonly line: LineLogger;

  constructor(
    private readonly level: LogLevel,
    line?: LineLogger,
  ) {
    this.line = line ?? createLineLogger('gateway', level, { warningsTo: 'stderr' });
  }

  log(message: unknown, ...params: unknown[]): void {
    this.line.debug(format(message, params));
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.line.debug(format(message, params));
  }
  verbose(message: unknown, ...params: unknown[]): void {
    if (this.level === 'trace') this.line.debug(format(message, params));
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.line.warn(format(message, params));
  }
  error(message: unknown, ...params: unknown[]): void {
    this.line.error(format(message, params, true));
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.line.error(format(message, params, true));
  }
}

/**
 * Nest calls `log(message, context?)` and `error(message, stack?, context?)`; the context comes
 * last. A lone string after an error's message is its stack when it looks like one.
 */
function format(message: unknown, params: unknown[], isError = false): string {
  const rest = [...params];
  let context: string | undefined;
  const last = rest.at(-1);
  if (typeof last === 'string' && !(isError && rest.length === 1 && STACK.test(last))) {
    context = last;
    rest.pop();
  }
  const text = [message, ...rest]
    .filter((part) => part !== undefined)
    .map((part) =>
      typeof part === 'string' ? part : part instanceof Error ? (part.stack ?? part.message) : inspect(part),
    )
    .join('\n');
  return context ? `[${context}] ${text}` : text;
}
