/**
 * Just enough of the protobuf wire format to read an OTLP ExportTraceServiceRequest
 * (opentelemetry/proto/collector/trace/v1): resource_spans = 1 → { resource = 1 → attributes = 1,
 * scope_spans = 2 → spans = 2 → { trace_id = 1, span_id = 2, parent_span_id = 4, name = 5,
 * attributes = 9 } }, a KeyValue being { key = 1, value = 2 → AnyValue { string_value = 1,
 * bool_value = 2, int_value = 3, double_value = 4 } }. What the SDK sends by default
 * (http/protobuf); fields not named here are skipped.
 */
export interface ProtobufSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

type Field = { readonly number: number; readonly wire: number; readonly value: bigint | Buffer };

function* fields(buffer: Buffer): Generator<Field> {
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[offset++];
      if (byte === undefined) throw new Error('truncated protobuf varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < buffer.length) {
    const key = Number(varint());
    const wire = key & 7;
    const number = key >>> 3;
    if (wire === 0) yield { number, wire, value: varint() };
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      yield { number, wire, value: buffer.subarray(offset, offset + size) };
      offset += size;
    } else if (wire === 2) {
      const length = Number(varint());
      yield { number, wire, value: buffer.subarray(offset, offset + length) };
      offset += length;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

const bytes = (value: bigint | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.alloc(0));

function anyValue(buffer: Buffer): unknown {
  for (const { number, value } of fields(buffer)) {
    if (number === 1) return bytes(value).toString('utf8');
    if (number === 2) return value === 1n;
    if (number === 3) return Number(value);
    if (number === 4) return bytes(value).readDoubleLE(0);
  }
  return undefined;
}

function keyValue(buffer: Buffer): [string, unknown] {
  let key = '';
  let value: unknown;
  for (const field of fields(buffer)) {
    if (field.number === 1) key = bytes(field.value).toString('utf8');
    if (field.number === 2) value = anyValue(bytes(field.value));
  }
  return [key, value];
}

function span(buffer: Buffer, service: string): ProtobufSpan {
  const found = { traceId: '', spanId: '', parentSpanId: '', name: '' };
  const attributes: Record<string, unknown> = {};
  for (const { number, value } of fields(buffer)) {
    if (number === 1) found.traceId = bytes(value).toString('hex');
    if (number === 2) found.spanId = bytes(value).toString('hex');
    if (number === 4) found.parentSpanId = bytes(value).toString('hex');
    if (number === 5) found.name = bytes(value).toString('utf8');
    if (number === 9) {
      const [key, v] = keyValue(bytes(value));
      attributes[key] = v;
    }
  }
  return { service, ...found, attributes };
}

/** Every span of an ExportTraceServiceRequest, with the service.name of its resource. */
export function decodeTraceRequest(body: Buffer): ProtobufSpan[] {
  const spans: ProtobufSpan[] = [];
  for (const resourceSpans of fields(body)) {
    if (resourceSpans.number !== 1) continue;
    let service = '';
    const scopes: Buffer[] = [];
    for (const field of fields(bytes(resourceSpans.value))) {
      if (field.number === 1)
        for (const attribute of fields(bytes(field.value)))
          if (attribute.number === 1) {
            const [key, value] = keyValue(bytes(attribute.value));
            if (key === 'service.name') service = String(value);
          }
      if (field.number === 2) scopes.push(bytes(field.value));
    }
    for (const scope of scopes)
      for (const field of fields(scope)) if (field.number === 2) spans.push(span(bytes(field.value), service));
  }
  return spans;
}
