import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeTraceRequest } from './otlp.protobuf';

/** One span as OTLP/JSON carries it, with the service that sent it. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[];
    }[];
  }[];
}
interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

/**
 * An OTLP/HTTP trace receiver on the loopback (`POST /v1/traces`), as a collector would: it
 * answers 200 with an empty partial success and keeps every span it was sent. It keeps the bodies
 * and decodes them when `spans()` is asked: a collector runs on its own machine, and decoding as
 * they arrive put its CPU on the 2 cores the benchmarked gateway and its load generator share. It speaks one
 * protocol, JSON by default (`application/json`, OTEL_EXPORTER_OTLP_PROTOCOL=http/json) or
 * protobuf (`application/x-protobuf`, the SDK's default); the other is refused with 415, so the
 * processes must really be exporting the way the caller says.
 */
export interface OtlpReceiver {
  readonly url: string;
  spans(): readonly ReceivedSpan[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(protocol: 'json' | 'protobuf' = 'json'): Promise<OtlpReceiver> {
  const contentType = protocol === 'json' ? 'application/json' : 'application/x-protobuf';
  const spans: ReceivedSpan[] = [];
  const bodies: Buffer[] = [];
  const decode = (body: Buffer) => {
    if (protocol === 'protobuf') return void spans.push(...decodeTraceRequest(body));
    const json = JSON.parse(body.toString('utf8')) as OtlpJson;
    for (const resourceSpans of json.resourceSpans ?? []) {
      const service = String(valueOf(resourceSpans.resource?.attributes, 'service.name'));
      for (const scope of resourceSpans.scopeSpans ?? [])
        for (const span of scope.spans ?? [])
          spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? '',
            name: span.name,
            attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]])),
          });
    }
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') return void response.writeHead(404).end();
      if (!String(request.headers['content-type']).startsWith(contentType)) return void response.writeHead(415).end();
      bodies.push(Buffer.concat(chunks));
      if (protocol === 'protobuf') return void response.writeHead(200, { 'content-type': contentType }).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => {
      for (const body of bodies.splice(0)) decode(body);
      return spans;
    },
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

function valueOf(attributes: OtlpAttribute[] | undefined, key: string): unknown {
  const found = attributes?.find((a) => a.key === key);
  return found ? Object.values(found.value)[0] : undefined;
}
