import { isSpanContextValid, TraceFlags, type SpanContext } from '@opentelemetry/api';

/** Version 00 of W3C Trace Context's `traceparent`: the only one this project writes. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The span context a `traceparent` from event metadata names, or null when there is none or it
 * is malformed. Read here rather than through the propagator: under load the reactor and every
 * projection batch read thousands of them a second, and the propagator builds a carrier, a getter
 * and a context for each. A request's header still goes through the configured propagator.
 */
export function parseTraceparent(traceparent: string | null | undefined): SpanContext | null {
  if (!traceparent) return null;
  const [, traceId, spanId, flags] = TRACEPARENT.exec(traceparent) ?? [];
  if (traceId === undefined || spanId === undefined || flags === undefined) return null;
  const spanContext: SpanContext = {
    traceId,
    spanId,
    traceFlags: parseInt(flags, 16) & TraceFlags.SAMPLED,
    isRemote: true,
  };
  return isSpanContextValid(spanContext) ? spanContext : null;
}

/** The `traceparent` of a span context (version 00, the sampled flag only), or undefined for an invalid one. */
export function formatTraceparent(spanContext: SpanContext | undefined): string | undefined {
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  const flags = spanContext.traceFlags & TraceFlags.SAMPLED ? '01' : '00';
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}
