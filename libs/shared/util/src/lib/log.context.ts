import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

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
  /** OpenTelemetry's active context inside this frame (LogContextManager), when tracing is on. */
  readonly otel?: Context;
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

/**
 * OpenTelemetry's active context kept in the same AsyncLocalStorage as the log fields, instead
 * of the SDK's own AsyncLocalStorageContextManager: on Node 20 every AsyncLocalStorage makes every
 * promise copy its value, so a third store (beside this one and nestjs-pino's) cost each
 * submission about as much as the spans themselves. `with` runs in a copy of the current frame
 * carrying the context: the frame's fields stay readable inside, and nothing leaks out of it.
 */
export class LogContextManager implements ContextManager {
  active(): Context {
    return storage.getStore()?.otel ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const frame: LogFields = { ...storage.getStore(), otel: context };
    return storage.run(frame, () => fn.call(thisArg, ...args));
  }

  /** Functions only: without automatic instrumentation nothing binds event emitters. */
  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = target as unknown as (...args: unknown[]) => unknown;
    const bound = (...args: unknown[]): unknown => this.with(context, () => run(...args));
    return bound as unknown as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    return this;
  }
}
