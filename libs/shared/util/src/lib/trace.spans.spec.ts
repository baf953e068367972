import { Tracing } from './trace.spans';

// Tracing is turned on only by startTracing (@sooc/runtime) once the SDK runs; the spans
// themselves are proven across processes by test/deployment/tracing.spec.ts.
describe('Tracing, off (no exporter configured)', () => {
  it('runs the function and nothing else: no span, no traceparent, no context', async () => {
    expect(Tracing.enabled).toBe(false);
    await expect(Tracing.inSpan('append', {}, async (span) => span)).resolves.toBeNull();
    expect(Tracing.traceparent()).toBeUndefined();
    expect(Tracing.linkTo('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBeNull();
  });

  it('lets a throw through unchanged', async () => {
    const boom = new Error('boom');
    await expect(
      Tracing.inSpan('command', {}, async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});
