import { trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { enrollmentStream } from '@sooc/enrollment-domain';
import { Tracing } from '@sooc/util';
import { until } from '@sooc/util/testing';
import { Seeder } from '../testing/first-come.seed';
import { ReactorHarness } from '../testing/reactor.harness';

/**
 * The reactor's spans, tracing on (an in-memory exporter stands in for OTLP, which
 * test/deployment/tracing.spec.ts covers across processes): one span per reaction, carrying the
 * append its command went out in, and one per tick that expires offers, whose events continue it.
 */
const COHORT = 'c1';
const exporter = new tracing.InMemorySpanExporter();
const provider = new tracing.BasicTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
let harness: ReactorHarness;

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  Tracing.enable();
});
afterEach(() => harness.close());
afterAll(() => provider.shutdown());

const spans = () => exporter.getFinishedSpans();

describe('the reactor, traced', () => {
  it("records each reaction's append on the reaction's span, and gives each expiring tick a trace its events continue", async () => {
    harness = await ReactorHarness.create();
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 2, offerTtlHours: 1 });
    for (const learner of ['ann', 'ben', 'cat']) await seeder.submit(COHORT, learner);

    await harness.start();
    await until('ann offered', async () => (await seeder.enrollmentState(COHORT, 'ann')).status === 'offered', 10_000);
    await until(
      'her offer reaction ended',
      () => spans().some((s) => /^reaction SeatReserved → /.test(s.name)),
      10_000,
    );

    const reactions = spans().filter((s) => s.name.startsWith('reaction '));
    expect(reactions.length).toBeGreaterThan(0);
    for (const reaction of reactions)
      expect(reaction.attributes).toMatchObject({
        'sooc.events_written': expect.any(Number),
        'sooc.batch.commands': expect.any(Number),
      });
    const offered = reactions.find((s) => /^reaction SeatReserved → /.test(s.name))!;
    expect(offered.attributes['sooc.events_written']).toBeGreaterThan(0);
    expect(offered.attributes['sooc.position']).toMatch(/^\d+$/);
    // The batched append has no span of its own (the seeder's commands have theirs).
    const reactionIds = new Set(reactions.map((s) => s.spanContext().spanId));
    const underReactions = spans().filter((s) => reactionIds.has(s.parentSpanContext?.spanId ?? ''));
    expect(underReactions.length).toBeGreaterThan(0);
    expect(underReactions.filter((s) => s.name === 'append')).toEqual([]);

    // Two hours on, the two offers lapse on one tick: the tick's span is the root of the expiry's trace.
    harness.clock.advance(2);
    await until('ann expired', async () => (await seeder.enrollmentState(COHORT, 'ann')).status === 'expired', 10_000);
    await until('the tick ended', () => spans().some((s) => s.name === 'reactor tick'), 10_000);
    const tick = spans().find((s) => s.name === 'reactor tick')!;
    expect(tick.parentSpanContext).toBeUndefined();
    expect(tick.attributes).toMatchObject({ 'sooc.offers_due': 2, 'sooc.windows_due': 0 });
    const expired = (await harness.store.readStream(enrollmentStream(COHORT, 'ann'))).find(
      (e) => e.type === 'OfferExpired',
    );
    const { traceId, spanId } = tick.spanContext();
    expect(expired?.metadata.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });
});
