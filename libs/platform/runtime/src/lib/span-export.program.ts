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

/**
 * An ended span as it crosses threads: plain data in a tuple, not an object, since a structured
 * clone writes every key of every object again (an object per span cost ~1.8× as much to post).
 */
export type SpanRecord = readonly [
  name: string,
  kind: SpanKind,
  traceId: string,
  spanId: string,
  traceFlags: number,
  traceState: string | undefined,
  parentSpanId: string | undefined,
  parentIsRemote: boolean | undefined,
  startTime: HrTime,
  endTime: HrTime,
  attributes: Attributes,
  droppedAttributesCount: number,
  events: readonly { name: string; time: HrTime; attributes?: Attributes; droppedAttributesCount?: number }[],
  droppedEventsCount: number,
  links: readonly LinkRecord[],
  droppedLinksCount: number,
  status: SpanStatus,
  scope: { readonly name: string; readonly version?: string; readonly schemaUrl?: string },
];

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
const spanOf = (r) => {
  const context = { traceId: r[2], spanId: r[3], traceFlags: r[4], traceState: traceState(r[5]) };
  return {
    name: r[0],
    kind: r[1],
    spanContext: () => context,
    parentSpanContext: r[6] ? { traceId: r[2], spanId: r[6], traceFlags: r[4], isRemote: r[7] } : undefined,
    startTime: r[8],
    endTime: r[9],
    duration: core.hrTimeDuration(r[8], r[9]),
    attributes: r[10],
    droppedAttributesCount: r[11],
    events: r[12],
    droppedEventsCount: r[13],
    links: r[14].map((l) => ({
      context: { traceId: l.traceId, spanId: l.spanId, traceFlags: l.traceFlags, isRemote: l.isRemote, traceState: traceState(l.traceState) },
      attributes: l.attributes,
      droppedAttributesCount: l.droppedAttributesCount,
    })),
    droppedLinksCount: r[15],
    status: r[16],
    ended: true,
    resource,
    instrumentationScope: scopeOf(r[17]),
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
