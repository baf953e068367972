import type { Attributes } from '@opentelemetry/api';

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
 * Ended spans as they cross threads: one flat array of plain values for a whole batch, each span
 * written in the order of `SPAN_FIELDS`, then its attributes as key, value pairs. A structured
 * clone writes every array and object it meets with its keys and a header: a tuple per span (with
 * its attributes object, two HrTime arrays, status and scope) cost the posting thread ~4 µs a span
 * in a profile of the tracing pipeline; values in one array cost a fraction of that.
 * Events and links, which our spans seldom have, stay objects (`undefined` when there are none).
 */
export const SPAN_FIELDS = [
  'name',
  'kind',
  'traceId',
  'spanId',
  'traceFlags',
  'traceState',
  'parentSpanId',
  'parentIsRemote',
  'startSeconds',
  'startNanos',
  'endSeconds',
  'endNanos',
  'droppedAttributesCount',
  'events',
  'droppedEventsCount',
  'links',
  'droppedLinksCount',
  'statusCode',
  'statusMessage',
  'scopeName',
  'scopeVersion',
  'scopeSchemaUrl',
  'attributeCount',
] as const;

export type FlatSpans = unknown[];

/** Each field's offset from its span's first value, for the exporting thread's reader. */
const OFFSETS = Object.fromEntries(SPAN_FIELDS.map((field, offset) => [field, offset]));

export type ToExporter =
  | { readonly kind: 'resource'; readonly attributes: Attributes; readonly schemaUrl: string | undefined }
  | { readonly kind: 'spans'; readonly spans: FlatSpans }
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
const scopeOf = (name, version, schemaUrl) => {
  const key = name + '\\u0000' + (version || '') + '\\u0000' + (schemaUrl || '');
  let scope = scopes.get(key);
  if (!scope) scopes.set(key, (scope = { name, version, schemaUrl }));
  return scope;
};
const traceState = (text) => (text ? new core.TraceState(text) : undefined);
const F = ${JSON.stringify(OFFSETS)};
const N = ${SPAN_FIELDS.length};
const spanOf = (f, i) => {
  const context = { traceId: f[i + F.traceId], spanId: f[i + F.spanId], traceFlags: f[i + F.traceFlags], traceState: traceState(f[i + F.traceState]) };
  const startTime = [f[i + F.startSeconds], f[i + F.startNanos]];
  const endTime = [f[i + F.endSeconds], f[i + F.endNanos]];
  const attributes = {};
  const count = f[i + F.attributeCount];
  for (let k = i + N; k < i + N + 2 * count; k += 2) attributes[f[k]] = f[k + 1];
  const links = f[i + F.links] || [];
  return {
    name: f[i + F.name],
    kind: f[i + F.kind],
    spanContext: () => context,
    parentSpanContext: f[i + F.parentSpanId] ? { traceId: f[i + F.traceId], spanId: f[i + F.parentSpanId], traceFlags: f[i + F.traceFlags], isRemote: f[i + F.parentIsRemote] } : undefined,
    startTime,
    endTime,
    duration: core.hrTimeDuration(startTime, endTime),
    attributes,
    droppedAttributesCount: f[i + F.droppedAttributesCount],
    events: f[i + F.events] || [],
    droppedEventsCount: f[i + F.droppedEventsCount],
    links: links.map((l) => ({
      context: { traceId: l.traceId, spanId: l.spanId, traceFlags: l.traceFlags, isRemote: l.isRemote, traceState: traceState(l.traceState) },
      attributes: l.attributes,
      droppedAttributesCount: l.droppedAttributesCount,
    })),
    droppedLinksCount: f[i + F.droppedLinksCount],
    status: f[i + F.statusMessage] === undefined ? { code: f[i + F.statusCode] } : { code: f[i + F.statusCode], message: f[i + F.statusMessage] },
    ended: true,
    resource,
    instrumentationScope: scopeOf(f[i + F.scopeName], f[i + F.scopeVersion], f[i + F.scopeSchemaUrl]),
  };
};
const answer = (request, work) =>
  work.then(
    () => parentPort.postMessage({ request }),
    (error) => parentPort.postMessage({ request, error: String(error && error.message ? error.message : error) }),
  );
parentPort.on('message', (message) => {
  if (message.kind === 'resource') resource = resources.resourceFromAttributes(message.attributes, { schemaUrl: message.schemaUrl });
  else if (message.kind === 'spans')
    for (let i = 0, f = message.spans; i < f.length; i += N + 2 * f[i + F.attributeCount]) processor.onEnd(spanOf(f, i));
  else if (message.kind === 'flush') answer(message.request, processor.forceFlush());
  else if (message.kind === 'shutdown') answer(message.request, processor.shutdown());
});
`;
