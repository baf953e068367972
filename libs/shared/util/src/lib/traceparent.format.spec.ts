import { formatTraceparent, parseTraceparent, traceIdOf } from './traceparent.format';

const SAMPLED = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('traceparent in event metadata', () => {
  it('reads the trace, the span and the sampled flag, and writes the same string back', () => {
    const spanContext = parseTraceparent(SAMPLED);
    expect(spanContext).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      isRemote: true,
    });
    expect(formatTraceparent(spanContext!)).toBe(SAMPLED);
    expect(traceIdOf(SAMPLED)).toBe(spanContext!.traceId);
    expect(formatTraceparent(parseTraceparent(SAMPLED.replace(/01$/, '00'))!)).toBe(SAMPLED.replace(/01$/, '00'));
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['another version', SAMPLED.replace(/^00/, '01')],
    ['upper-case hex', SAMPLED.toUpperCase()],
    ['a short span id', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333-01'],
    ['an all-zero trace id', '00-00000000000000000000000000000000-b7ad6b7169203331-01'],
    ['an all-zero span id', '00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01'],
    ['trailing text', `${SAMPLED}-extra`],
  ])('names no span for %s', (_, traceparent) => {
    expect(parseTraceparent(traceparent)).toBeNull();
  });

  it('writes nothing for an invalid span context', () => {
    expect(formatTraceparent(undefined)).toBeUndefined();
    expect(formatTraceparent({ traceId: '0'.repeat(32), spanId: 'b7ad6b7169203331', traceFlags: 1 })).toBeUndefined();
  });
});
