import type { Attributes, HrTime, SpanKind, SpanStatus } from '@opentelemetry/api';

/** A link as it crosses threads: its span context with the trace state as text. */
export interface LinkRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly traceState: string | undefined;
  readonly isRemote: boolean | undefined;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
}

/** An ended span as it crosses threads: plain data only. */
export interface SpanRecord {
  readonly name: string;
  readonly kind: SpanKind;
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly traceState: string | undefined;
  readonly parentSpanId: string | undefined;
  readonly parentIsRemote: boolean | undefined;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly events: readonly { name: string; time: HrTime; attributes?: Attributes; droppedAttributesCount?: number }[];
  readonly droppedEventsCount: number;
  readonly links: readonly LinkRecord[];
  readonly droppedLinksCount: number;
  readonly status: SpanStatus;
  readonly scope: { readonly name: string; readonly version?: string; readonly schemaUrl?: string };
}

export type ToExporter =
  | { readonly kind: 'resource'; readonly attributes: Attributes; readonly schemaUrl: string | undefined }
  | { readonly kind: 'spans'; readonly spans: readonly SpanRecord[] }
  | { readonly kind: 'flush' | 'shutdown'; readonly request: number };

/**
 * The exporting thread's whole program (plain JavaScript, run with `eval`): spans rebuilt from
 * their records, with one resource object and one object per instrumentation scope (the OTLP
 * serialisers group spans by identity), through the SDK's BatchSpanProcessor into the exporter
 * package `workerData.exporter`, which reads its OTEL_* variables as it would on the main thread.
 * Every flush and shutdown is answered with its request number, and an error's text.
 */
export const SPAN_EXPORT_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { tracing, resources, core } = require(workerData.sdk);
const { OTLPTraceExporter } = require(workerData.exporter);
const processor = new tracing.BatchSpanProcessor(new OTLPTraceExporter());
let resource = resources.emptyResource();
const scopes = new Map();
const scopeOf = (s) => {
  const key = s.name + '\\u0000' + (s.version || '') + '\\u0000' + (s.schemaUrl || '');
  let scope = scopes.get(key);
  if (!scope) scopes.set(key, (scope = s));
  return scope;
};
const traceState = (text) => (text ? new core.TraceState(text) : undefined);
const duration = (start, end) => {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) { seconds -= 1; nanos += 1e9; }
  return [seconds, nanos];
};
const spanOf = (r) => {
  const context = { traceId: r.traceId, spanId: r.spanId, traceFlags: r.traceFlags, traceState: traceState(r.traceState) };
  return {
    name: r.name,
    kind: r.kind,
    spanContext: () => context,
    parentSpanContext: r.parentSpanId
      ? { traceId: r.traceId, spanId: r.parentSpanId, traceFlags: r.traceFlags, isRemote: r.parentIsRemote }
      : undefined,
    startTime: r.startTime,
    endTime: r.endTime,
    duration: duration(r.startTime, r.endTime),
    status: r.status,
    attributes: r.attributes,
    droppedAttributesCount: r.droppedAttributesCount,
    events: r.events,
    droppedEventsCount: r.droppedEventsCount,
    links: r.links.map((l) => ({
      context: { traceId: l.traceId, spanId: l.spanId, traceFlags: l.traceFlags, isRemote: l.isRemote, traceState: traceState(l.traceState) },
      attributes: l.attributes,
      droppedAttributesCount: l.droppedAttributesCount,
    })),
    droppedLinksCount: r.droppedLinksCount,
    ended: true,
    resource,
    instrumentationScope: scopeOf(r.scope),
  };
};
const answer = (request, work) =>
  work.then(
    () => parentPort.postMessage({ request }),
    (error) => parentPort.postMessage({ request, error: String(error && error.message ? error.message : error) }),
  );
parentPort.on('message', (message) => {
  if (message.kind === 'resource') resource = resources.resourceFromAttributes(message.attributes, { schemaUrl: message.schemaUrl });
  else if (message.kind === 'spans') for (const record of message.spans) processor.onEnd(spanOf(record));
  else if (message.kind === 'flush') answer(message.request, processor.forceFlush());
  else if (message.kind === 'shutdown') answer(message.request, processor.shutdown());
});
`;
