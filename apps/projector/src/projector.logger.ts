import { createLineLogger, type LineLogger, type LogLevel } from '@sooc/runtime';

export type Logger = LineLogger;

/** `sooc projector: …`; its warnings (leases, stores) go to stderr with its errors. */
export function createLogger(level: LogLevel): Logger {
  return createLineLogger('projector', level, { warningsTo: 'stderr' });
}
