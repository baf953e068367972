import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from '@opentelemetry/api';

/** What every log line (and span) of a piece of work says it belongs to. */
export interface LogFields {
  readonly correlationId?: string;
  readonly actorId?: string;
  /** The GraphQL operation, or what a worker is doing ("ApplicationSubmitted → AdmitApplicant"); set once known. */
  operation?: string;
  /**
   * The span a request's work continues (the HTTP request's, then its GraphQL operation's), when
   * tracing is on. Kept here, not as OpenTelemetry's active context, because Apollo's plugins can
   * open the operation's span but cannot make it active for the resolvers.
   */
  trace?: Context;
}

const storage = new AsyncLocalStorage<LogFields>();

/**
 * The one AsyncLocalStorage of a request or a reaction: the gateway's request context lives in it
 * (a `RequestContextData` is a `LogFields`), so the loggers read who and what without a second
 * store per request (each one makes every promise of the request pay a hook on Node 20).
 */
export const LogContext = {
  run<T, F extends LogFields>(fields: F, fn: () => T): T {
    return storage.run(fields, fn);
  },
  current(): LogFields | undefined {
    return storage.getStore();
  },
  /** Names the operation of the work under way (the frame is the request's own object). */
  name(operation: string): void {
    const fields = storage.getStore();
    if (fields) fields.operation = operation;
  },
};
