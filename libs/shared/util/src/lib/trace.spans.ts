import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { formatTraceparent, parseTraceparent } from './traceparent.format';

export { SpanKind, type Context as TraceContext, type Span };

let enabled = false;
/** Looked up once: each `getTracer` builds a key and searches the provider's map, on every span. */
let tracer: Tracer | null = null;
/** The headers the configured propagator reads (`traceparent`, `tracestate` by default): a request with none continues nothing. */
let propagated: readonly string[] = [];
const INTERNAL = SpanKind.INTERNAL;

export interface SpanOptions {
  /** The span's parent; the active context when not given. */
  readonly parent?: Context;
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  readonly links?: Link[];
}

/**
 * The project's spans, on the OpenTelemetry API. Off (the default) every call runs its function
 * and nothing else: no span, no context switch, no traceparent, so a process without an
 * exporter pays nothing. `startTracing` (@sooc/runtime) turns it on once the SDK is registered.
 */
export const Tracing = {
  enable(): void {
    enabled = true;
    tracer = trace.getTracer('sooc');
    propagated = propagation.fields();
  },
  get enabled(): boolean {
    return enabled;
  },

  /**
   * A span around `fn`, ended when `fn` settles; a throw is recorded on it. It is not made the
   * active context: a child names it as its parent (`contextOf(span)`). Entering a context copies
   * the log frame and runs an AsyncLocalStorage scope, and a command did that three times (the
   * request's operation, the command, the append) for children it can name itself.
   */
  inSpan<T>(name: string, options: SpanOptions, fn: (span: Span | null) => Promise<T>): Promise<T> {
    if (!enabled) return fn(null);
    return spanAround(name, options, fn);
  },

  /** A span the caller ends (an HTTP request ends in another hook). */
  start(name: string, options: SpanOptions = {}): Span {
    // No spreads: the SDK takes absent attributes and links as none, and two conditional spreads
    // per span were ~10 µs of a traced submission.
    return (tracer ?? trace.getTracer('sooc')).startSpan(
      name,
      { kind: options.kind ?? INTERNAL, attributes: options.attributes, links: options.links },
      options.parent ?? context.active(),
    );
  },

  fail(span: Span, error: unknown): void {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  },

  /** The context a span makes for its children. */
  contextOf(span: Span, parent: Context = context.active()): Context {
    return trace.setSpan(parent, span);
  },

  /** The W3C `traceparent` of a context (the active one by default), to travel in event metadata or a header. */
  traceparent(of: Context = context.active()): string | undefined {
    if (!enabled) return undefined;
    return formatTraceparent(trace.getSpanContext(of));
  },

  /** The `traceparent` of a span (a reaction's, for the commands it sends). */
  traceparentOf(span: Span): string | undefined {
    return enabled ? formatTraceparent(span.spanContext()) : undefined;
  },

  /** The context that continues the span an event's `traceparent` names; no trace for none or a malformed one. */
  continuing(traceparent: string | null | undefined): Context {
    if (!enabled) return ROOT_CONTEXT;
    const spanContext = parseTraceparent(traceparent);
    return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
  },

  /** The context a request's headers continue, through the configured propagator (traceparent and tracestate by default). */
  extract(carrier: Readonly<Record<string, string | string[] | undefined>> | undefined): Context {
    if (!enabled || !carrier || !propagated.some((field) => carrier[field] !== undefined)) return ROOT_CONTEXT;
    return propagation.extract(ROOT_CONTEXT, carrier, {
      keys: (c) => Object.keys(c),
      get: (c, key) => {
        const value = c[key];
        return Array.isArray(value) ? value[0] : value;
      },
    });
  },

  /** A link to the span a `traceparent` names (a batch's other events), or null. */
  linkTo(traceparent: string | undefined): Link | null {
    if (!enabled) return null;
    const spanContext = parseTraceparent(traceparent);
    return spanContext ? { context: spanContext } : null;
  },
};

async function spanAround<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const span = Tracing.start(name, options);
  try {
    return await fn(span);
  } catch (error) {
    Tracing.fail(span, error);
    throw error;
  } finally {
    span.end();
  }
}
