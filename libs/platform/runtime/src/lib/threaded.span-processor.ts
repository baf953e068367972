import { diag, TraceFlags, type Context } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { Worker } from 'node:worker_threads';
import { SPAN_EXPORT_PROGRAM, type FlatSpans, type LinkRecord, type ToExporter } from './span-export.program';

type ReadableSpan = tracing.ReadableSpan;
type SpanProcessor = tracing.SpanProcessor;

/** Spans held before they cross to the exporting thread: one message per this many, or per tick below. */
const POST_EVERY_SPANS = 128;
const POST_AFTER_MS = 100;

/** The OTLP protocols the exporting thread speaks, each through the SDK's own exporter package. */
const EXPORTERS = {
  'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto',
  'http/json': '@opentelemetry/exporter-trace-otlp-http',
  grpc: '@opentelemetry/exporter-trace-otlp-grpc',
} as const;
export type OtlpProtocol = keyof typeof EXPORTERS;

/**
 * The OTLP protocol the SDK would export with (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, then
 * OTEL_EXPORTER_OTLP_PROTOCOL, http/protobuf by default), or null when OTEL_TRACES_EXPORTER names
 * anything but `otlp` alone (console, zipkin, several): those stay with the SDK's own processors.
 */
export function otlpProtocolOf(env: NodeJS.ProcessEnv): OtlpProtocol | null {
  const exporters = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.length > 0 && !(exporters.length === 1 && exporters[0] === 'otlp')) return null;
  const protocol = (
    env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ||
    env['OTEL_EXPORTER_OTLP_PROTOCOL'] ||
    'http/protobuf'
  ).trim();
  return protocol in EXPORTERS ? (protocol as OtlpProtocol) : null;
}

/**
 * Exports the process's spans from a worker thread. The SDK's batch processor serialises each
 * batch on the thread that ends the span that fills it: under the submit load that was ~110 µs of
 * the gateway's thread per submission, with its garbage (docs/ARCHITECTURE.md, "Operations:
 * traces"). Here an ended span is written as plain values into a flat array (FlatSpans), which
 * crosses to a worker every 128 spans (a structured clone, native code); the worker rebuilds
 * them as spans and runs the SDK's own BatchSpanProcessor and OTLP exporter, configured by the
 * same OTEL_* variables.
 *
 * `forceFlush` and `shutdown` resolve once the worker has exported everything sent to it. Should
 * the worker fail (its exporter cannot load), spans are dropped with one diagnostic, as the SDK
 * drops spans it cannot export.
 */
export class ThreadedSpanProcessor implements SpanProcessor {
  private readonly worker: Worker;
  /** Ended spans not posted yet, written flat (SPAN_FIELDS), and how many. */
  private pending: FlatSpans = [];
  private pendingSpans = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Settled once the spans' resource has crossed: no record crosses before it. */
  private resourceSent: Promise<void> | null = null;
  private resourceKnown = false;
  private failed = false;
  private shutDown: Promise<void> | null = null;
  private nextRequest = 0;
  private readonly answers = new Map<number, (error?: string) => void>();

  constructor(protocol: OtlpProtocol, env: NodeJS.ProcessEnv = process.env) {
    this.worker = new Worker(SPAN_EXPORT_PROGRAM, {
      eval: true,
      workerData: {
        sdk: require.resolve('@opentelemetry/sdk-node'),
        exporter: require.resolve(EXPORTERS[protocol]),
      },
      env,
      // Plain JavaScript: none of the process's flags (a dev run's source hooks).
      execArgv: [],
    });
    // A process that never shuts tracing down still exits; shutdown() holds it while it exports.
    this.worker.unref();
    this.worker.on('message', (message: { request: number; error?: string }) => {
      this.answers.get(message.request)?.(message.error);
      this.answers.delete(message.request);
    });
    this.worker.on('error', (error) => this.fail(String(error)));
    this.worker.on('exit', () => this.fail('the exporting thread exited'));
  }

  onStart(_span: unknown, _parentContext: Context): void {
    // Nothing until the span has ended.
  }

  onEnd(span: ReadableSpan): void {
    if (this.failed || this.shutDown || (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    writeSpan(this.pending, span);
    this.resourceSent ??= this.sendResource(span.resource);
    if (++this.pendingSpans >= POST_EVERY_SPANS) this.post();
    else if (!this.timer) this.timer = setTimeout(() => this.post(), POST_AFTER_MS).unref();
  }

  async forceFlush(): Promise<void> {
    await this.resourceSent;
    this.post();
    return this.ask('flush');
  }

  shutdown(): Promise<void> {
    if (!this.shutDown) {
      // Held until the worker has exported its last batch and closed its exporter.
      this.worker.ref();
      this.shutDown = Promise.resolve(this.resourceSent)
        .then(() => {
          this.post();
          return this.ask('shutdown');
        })
        .finally(() => void this.worker.terminate());
    }
    return this.shutDown;
  }

  /** The resource's attributes, once its detectors have settled (the host's id is read asynchronously). */
  private async sendResource(resource: ReadableSpan['resource']): Promise<void> {
    if (resource.asyncAttributesPending) await resource.waitForAsyncAttributes?.().catch(() => undefined);
    this.send({ kind: 'resource', attributes: resource.attributes, schemaUrl: resource.schemaUrl });
    this.resourceKnown = true;
    this.post();
  }

  private post(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingSpans === 0 || !this.resourceKnown) return;
    this.send({ kind: 'spans', spans: this.pending });
    this.pending = [];
    this.pendingSpans = 0;
  }

  private send(message: ToExporter): void {
    if (!this.failed) this.worker.postMessage(message);
  }

  private ask(kind: 'flush' | 'shutdown'): Promise<void> {
    if (this.failed) return Promise.resolve();
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.answers.set(request, (error) => {
        if (error) diag.warn(`span export: ${kind} failed: ${error}`);
        resolve();
      });
      this.send({ kind, request });
    });
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.pending = [];
    this.pendingSpans = 0;
    if (!this.shutDown) diag.error(`span export stopped, spans are dropped from now on: ${reason}`);
    for (const answer of this.answers.values()) answer();
    this.answers.clear();
  }
}

/**
 * Appends what OTLP carries of a span to the batch, in the order of SPAN_FIELDS, then its
 * attributes as key, value pairs (a TraceState is a class: its text crosses).
 */
function writeSpan(out: FlatSpans, span: ReadableSpan): void {
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  const scope = span.instrumentationScope;
  const attributes = span.attributes;
  const keys = Object.keys(attributes);
  out.push(
    span.name,
    span.kind,
    context.traceId,
    context.spanId,
    context.traceFlags,
    context.traceState?.serialize(),
    parent?.spanId,
    parent?.isRemote,
    span.startTime[0],
    span.startTime[1],
    span.endTime[0],
    span.endTime[1],
    span.droppedAttributesCount,
    span.events.length > 0 ? span.events : undefined,
    span.droppedEventsCount,
    span.links.length > 0 ? span.links.map(linkRecord) : undefined,
    span.droppedLinksCount,
    span.status.code,
    span.status.message,
    scope.name,
    scope.version,
    scope.schemaUrl,
    keys.length,
  );
  for (const key of keys) out.push(key, attributes[key]);
}

function linkRecord(link: ReadableSpan['links'][number]): LinkRecord {
  return {
    traceId: link.context.traceId,
    spanId: link.context.spanId,
    traceFlags: link.context.traceFlags,
    traceState: link.context.traceState?.serialize(),
    isRemote: link.context.isRemote,
    attributes: link.attributes ?? {},
    droppedAttributesCount: link.droppedAttributesCount ?? 0,
  };
}
