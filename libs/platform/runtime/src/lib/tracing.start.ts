import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { LogContextManager, Tracing } from '@sooc/util';
import { otlpProtocolOf, ThreadedSpanProcessor } from './threaded.span-processor';

/** Off unless an exporter is configured: the OTLP endpoints or OTEL_TRACES_EXPORTER other than none. */
export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER'];
  if (exporter !== undefined && exporter !== '') return exporter !== 'none';
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

export interface TracingHandle {
  /** Sends the spans still batched; every app calls it on its way out. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry's Node SDK, configured by the standard OTEL_* variables (exporter, endpoint,
 * protocol — `http/json`, `http/protobuf` or `grpc` —, batch delay, sampler, resource), with the
 * service name `sooc-<app>` unless OTEL_SERVICE_NAME says otherwise. No automatic
 * instrumentation: the spans are the project's own (Tracing in @sooc/util), so nothing patches
 * the modules. OTLP export runs on a worker thread (ThreadedSpanProcessor). Returns null, and turns nothing on, when no exporter is configured.
 */
export function startTracing(app: string, env: NodeJS.ProcessEnv = process.env): TracingHandle | null {
  if (!tracingConfigured(env)) return null;
  const protocol = otlpProtocolOf(env);
  const sdk = new NodeSDK({
    // OTLP spans are serialised and sent from a worker thread; another exporter (console, zipkin)
    // is the SDK's own, from the same variables.
    ...(protocol ? { spanProcessors: [new ThreadedSpanProcessor(protocol, env)] } : {}),
    ...(env['OTEL_SERVICE_NAME'] ? {} : { serviceName: `sooc-${app}` }),
    instrumentations: [],
    // Logs go to stdout as JSON lines (pino); metrics to Prometheus at /metrics. Without the
    // empty reader list the SDK would also start a meter provider exporting OTLP metrics (of
    // nothing: no instrumentation feeds it) to the traces' collector every minute.
    logRecordProcessors: [],
    metricReaders: [],
    // The active span lives in the log fields' AsyncLocalStorage: one store fewer for every promise.
    contextManager: new LogContextManager(),
    // traceparent (and tracestate) only: the default adds W3C baggage, which nothing here sets or
    // reads, to every inject and extract (each event's metadata, each reaction, each request).
    // OTEL_PROPAGATORS still overrides it.
    ...(env['OTEL_PROPAGATORS'] ? {} : { textMapPropagator: new W3CTraceContextPropagator() }),
  });
  sdk.start();
  Tracing.enable();
  return { shutdown: () => sdk.shutdown() };
}
