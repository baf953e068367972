import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { LogContext } from '@sooc/util';
import type { LogLevel } from './store.config';

/** What the workers log through (the projector, the reactor, the gateway's embedded ones, the CLI). */
export interface LineLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /**
   * At `info` whatever `LOG_LEVEL` says: the line a supervisor or a test waits for (the gateway's
   * `ready: <url>`, a worker's `health: <url>`), which printed before the logs were structured too.
   */
  announce(message: string): void;
  /** The pino logger beneath, for what takes one (nestjs-pino, Fastify). */
  readonly pino: PinoLogger;
}

export interface LineLoggerOptions {
  /**
   * 'stderr' (the projector, the gateway: a warning is about a lease or a store), or 'stdout' (the
   * reactor: its warnings are refused commands, answers rather than faults). Errors always go to stderr.
   */
  readonly warningsTo?: 'stdout' | 'stderr';
  /** Where the lines go instead of the process's stdout and stderr (specs). */
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** Pretty lines for a person (pino-pretty); by default when stdout is a terminal and no `out` is given. */
  readonly pretty?: boolean;
}

/**
 * One JSON object a line (pino), each with `service` (the process or embedded worker), and the
 * `correlationId`, `actorId` and `operation` of the request or reaction under way when there is
 * one (`LogContext`). Errors go to stderr: a supervisor that keeps only stderr still sees why a
 * worker stopped. On a terminal the same lines are shown by pino-pretty instead.
 */
export function createLineLogger(service: string, level: LogLevel, options: LineLoggerOptions = {}): LineLogger {
  const logger = pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: contextFields,
    },
    destination(options),
  );
  const announcer = logger.child({}, { level: 'info' });
  return {
    announce: (message) => announcer.info(message),
    debug: (message) => logger.debug(message),
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
    pino: logger,
  };
}

function contextFields(): object {
  const fields = LogContext.current();
  if (!fields) return {};
  return { correlationId: fields.correlationId, actorId: fields.actorId, operation: fields.operation };
}

function destination(options: LineLoggerOptions): DestinationStream {
  const pretty = options.pretty ?? (!options.out && process.stdout.isTTY === true);
  if (pretty) {
    // A worker thread formats; it flushes on exit. Only for a person at a terminal, never for a supervisor.
    return pino.transport({
      target: 'pino-pretty',
      options: {
        destination: 1,
        ignore: 'pid,hostname,service',
        messageFormat: '{service}: {msg}',
        translateTime: 'SYS:HH:MM:ss.l',
      },
    });
  }
  // Synchronous writes: a line written just before process.exit is not lost.
  const out: DestinationStream = options.out ? { write: options.out } : pino.destination({ fd: 1, sync: true });
  const err: DestinationStream = options.err ? { write: options.err } : pino.destination({ fd: 2, sync: true });
  // dedupe: a line goes only to the stream of the highest level it reaches.
  return pino.multistream(
    [
      { level: 'trace', stream: out },
      { level: options.warningsTo === 'stderr' ? 'warn' : 'error', stream: err },
    ],
    { dedupe: true },
  );
}
