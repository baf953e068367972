import { TraceFlags, type SpanContext } from '@opentelemetry/api';

/** Version 00 of W3C Trace Context's `traceparent`: the only one this project writes. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
/** All zeros: the ids W3C Trace Context calls invalid (the pattern above already rules out any other). */
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

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
  if (traceId === INVALID_TRACE_ID || spanId === INVALID_SPAN_ID) return null;
  return { traceId, spanId, traceFlags: parseInt(flags, 16) & TraceFlags.SAMPLED, isRemote: true };
}

/** The `traceparent` of a span context (version 00, the sampled flag only), or undefined for an invalid one. */
export function formatTraceparent(spanContext: SpanContext | undefined): string | undefined {
  // The SDK's ids and the parsed ones are hex of the right length already: only the invalid all-zero ones are left out.
  if (!spanContext || spanContext.traceId === INVALID_TRACE_ID || spanContext.spanId === INVALID_SPAN_ID)
    return undefined;
  const flags = spanContext.traceFlags & TraceFlags.SAMPLED ? '01' : '00';
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** The trace id of a version-00 `traceparent` this project wrote (`00-<trace id>-<span id>-<flags>`), without parsing the rest. */
export function traceIdOf(traceparent: string): string {
  return traceparent.slice(3, 35);
}
