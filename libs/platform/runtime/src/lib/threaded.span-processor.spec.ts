import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { core, resources, tracing } from '@opentelemetry/sdk-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { otlpProtocolOf, ThreadedSpanProcessor } from './threaded.span-processor';

interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
  events?: { name: string; attributes?: { key: string; value: Record<string, unknown> }[] }[];
  links?: { traceId: string; spanId: string; traceState?: string }[];
  status?: { code?: number; message?: string };
}
interface Received {
  service: unknown;
  scope: string;
  span: JsonSpan;
}

/** An OTLP/HTTP JSON receiver on the loopback, keeping every span with its resource and scope. */
async function receiver(): Promise<{ url: string; spans: Received[]; close(): Promise<void> }> {
  const spans: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource.attributes.find((a: { key: string }) => a.key === 'service.name')?.value
          .stringValue;
        for (const ss of rs.scopeSpans ?? [])
          for (const span of ss.spans) spans.push({ service, scope: ss.scope.name, span });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((closed) => server.close(() => closed())) };
}

const attribute = (span: JsonSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value;

describe('ThreadedSpanProcessor', () => {
  let sink: Awaited<ReturnType<typeof receiver>>;
  beforeEach(async () => (sink = await receiver()));
  afterEach(() => sink.close());

  function provider(): { provider: tracing.BasicTracerProvider } {
    const processor = new ThreadedSpanProcessor('http/json', {
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    const made = new tracing.BasicTracerProvider({
      resource: resources.resourceFromAttributes({ 'service.name': 'sooc-spec' }),
      spanProcessors: [processor],
    });
    return { provider: made };
  }

  it('exports from its thread every ended span as the SDK made it: ids, parents, kind, times, attributes, events, links, status, trace state', async () => {
    const { provider: made } = provider();
    const tracer = made.getTracer('sooc', '1.2.3');
    const remote: SpanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
      traceState: new core.TraceState('vendor=abc'),
    };
    const root = tracer.startSpan(
      'POST /graphql',
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'POST' } },
      // The caller's context, as a request's traceparent continues it.
      trace.setSpanContext(ROOT_CONTEXT, remote),
    );
    const rootContext = trace.setSpan(ROOT_CONTEXT, root);
    const children = Array.from({ length: 299 }, (_, n) => {
      const child = tracer.startSpan(
        `append ${n}`,
        {
          attributes: {
            'sooc.stream': `cohort-${n}`,
            'sooc.events': n,
            'sooc.ok': n % 2 === 0,
            'sooc.tags': ['a', 'b'],
          },
          links: [{ context: remote, attributes: { why: 'batched' } }],
        },
        rootContext,
      );
      if (n === 7) {
        child.addEvent('retried', { attempt: 2 });
        child.setStatus({ code: SpanStatusCode.ERROR, message: 'WrongExpectedVersion' });
      }
      return child;
    });
    for (const child of children) child.end();
    root.end();

    await made.forceFlush();
    expect(sink.spans).toHaveLength(300);
    expect(new Set(sink.spans.map((s) => s.service))).toEqual(new Set(['sooc-spec']));
    expect(new Set(sink.spans.map((s) => s.scope))).toEqual(new Set(['sooc']));
    const byName = new Map(sink.spans.map((s) => [s.span.name, s.span]));
    const server = byName.get('POST /graphql') as JsonSpan;
    expect(server).toMatchObject({
      traceId: remote.traceId,
      spanId: root.spanContext().spanId,
      parentSpanId: remote.spanId,
      traceState: 'vendor=abc',
      kind: 2, // SERVER, offset by one on the wire
    });
    expect(BigInt(server.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(server.startTimeUnixNano));
    const seventh = byName.get('append 7') as JsonSpan;
    expect(seventh).toMatchObject({
      traceId: remote.traceId,
      spanId: children[7]?.spanContext().spanId,
      parentSpanId: root.spanContext().spanId,
      status: { code: 2, message: 'WrongExpectedVersion' },
      links: [{ traceId: remote.traceId, spanId: remote.spanId, traceState: 'vendor=abc' }],
    });
    expect(attribute(seventh, 'sooc.stream')).toEqual({ stringValue: 'cohort-7' });
    expect(attribute(seventh, 'sooc.events')).toEqual({ intValue: 7 });
    expect(attribute(seventh, 'sooc.ok')).toEqual({ boolValue: false });
    expect(attribute(seventh, 'sooc.tags')).toEqual({
      arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] },
    });
    expect(seventh.events?.map((e) => e.name)).toEqual(['retried']);
    await made.shutdown();
  });

  it('on shutdown exports what is still held, then lets its thread go', async () => {
    const { provider: made } = provider();
    const tracer = made.getTracer('sooc');
    for (let n = 0; n < 40; n++) tracer.startSpan(`reaction ${n}`).end();
    // No flush first: the spans are still on this thread, or batched in the worker.
    await made.shutdown();
    expect(sink.spans.map((s) => s.span.name).sort()).toEqual(
      Array.from({ length: 40 }, (_, n) => `reaction ${n}`).sort(),
    );
  });

  it('leaves unsampled spans alone', async () => {
    const { provider: made } = provider();
    const tracer = made.getTracer('sooc');
    const unsampled = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '1af7651916cd43dd8448eb211c80319c',
      spanId: 'c7ad6b7169203331',
      traceFlags: TraceFlags.NONE,
      isRemote: true,
    });
    tracer.startSpan('not sampled', {}, unsampled).end();
    tracer.startSpan('sampled').end();
    await made.shutdown();
    expect(sink.spans.map((s) => s.span.name)).toEqual(['sampled']);
  });
});

describe('otlpProtocolOf', () => {
  it('follows the SDK: the traces protocol, then the general one, http/protobuf by default', () => {
    expect(otlpProtocolOf({})).toBe('http/protobuf');
    expect(otlpProtocolOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('http/json');
    expect(
      otlpProtocolOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }),
    ).toBe('grpc');
    expect(otlpProtocolOf({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe('http/protobuf');
  });

  it('gives other exporters, several exporters or an unknown protocol back to the SDK', () => {
    expect(otlpProtocolOf({ OTEL_TRACES_EXPORTER: 'console' })).toBeNull();
    expect(otlpProtocolOf({ OTEL_TRACES_EXPORTER: 'otlp,console' })).toBeNull();
    expect(otlpProtocolOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/msgpack' })).toBeNull();
  });
});
