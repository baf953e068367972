import { cohortStream } from '@sooc/cohorts-domain';
import { REACTED_EVENT_TYPES } from './process-managers';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { loadCheckpoints } from '@sooc/read-store';
import { REACTOR_CHECKPOINT } from './reactor.checkpoint';
import { Seeder } from '../testing/first-come.seed';
import { flakyEventStore, type FlakyEventStore } from '../testing/flaky.event-store';
import { learnerOf } from '../testing/history.inspect';
import { until } from '@sooc/util/testing';
import { ReactorHarness } from '../testing/reactor.harness';

const COHORT = 'c1';
let harness: ReactorHarness;
let flaky: FlakyEventStore;
/** Writes as the gateway would, beside the reactor: straight to the real store, never failing. */
let seeder: Seeder;
afterEach(() => harness.close());

async function setUp(capacity: number): Promise<void> {
  const store = new MemoryEventStore();
  flaky = flakyEventStore(store);
  harness = await ReactorHarness.create(flaky.store);
  seeder = new Seeder(store, () => harness.clock.now());
  await seeder.openCohort({ cohortId: COHORT, capacity, offerTtlHours: 24 });
}

const ofType = async (...types: string[]) => harness.store.readAll({ filter: { eventTypes: types } });
/** The cohort's seat decisions in the order the cohort took them. */
const seatDecisions = async () =>
  (await harness.store.readStream(cohortStream(COHORT)))
    .filter((e) => e.type === 'SeatReserved' || e.type === 'ApplicantWaitlisted')
    .map((e) => `${e.type} ${learnerOf(e)}`);
const placed = async () => (await ofType('SeatOffered', 'ApplicationWaitlisted')).length;
const lastReacted = async (): Promise<RecordedEvent> =>
  (await harness.store.readAll({ filter: { eventTypes: REACTED_EVENT_TYPES }, direction: 'backwards', max: 1 }))[0];

describe('the reactor under a burst', () => {
  it('admits 1,000 first-come applicants to a 100-seat cohort in a few writes to the cohort, seating the first 100 and waitlisting the rest in arrival order', async () => {
    await setUp(100);
    const learners = Array.from({ length: 1_000 }, (_, i) => `l${String(i).padStart(4, '0')}`);
    // Half were stored before the reactor started (it catches up on them), half arrive at once while it follows live.
    await seeder.submitAll(COHORT, learners.slice(0, 500));
    const reactor = await harness.start();
    await reactor.caughtUp;
    await seeder.submitAll(COHORT, learners.slice(500), { together: true });
    await until('every applicant seated or waitlisted', async () => (await placed()) === learners.length, 30_000);

    const arrival = (await ofType('ApplicationSubmitted')).map(learnerOf);
    expect(await seatDecisions()).toEqual([
      ...arrival.slice(0, 100).map((l) => `SeatReserved ${l}`),
      ...arrival.slice(100).map((l) => `ApplicantWaitlisted ${l}`),
    ]);
    expect([(await ofType('SeatOffered')).length, (await ofType('ApplicationWaitlisted')).length]).toEqual([100, 900]);
    // 1,000 admissions, yet the cohort was written a handful of times (batches of up to 500), not once per applicant.
    expect(flaky.appendsTo(cohortStream(COHORT))).toBeLessThanOrEqual(10);

    const last = await lastReacted();
    await until('the last seat decision handled', () => reactor.status().handledPosition === last.position, 10_000);
    expect(reactor.status()).toMatchObject({
      commandsWritten: 2_000,
      refusals: 0,
      retrying: false,
      eventsInFlight: 0,
      commandsPending: 0,
    });
    expect(harness.err).toEqual([]);
  }, 60_000);

  it('retries a batch the store failed before anything sent after it for the same stream, so the cohort still decides in arrival order', async () => {
    await setUp(2);
    await seeder.submit(COHORT, 'ann');
    flaky.failNext(1_000);
    const reactor = await harness.start({ backoff: { firstMs: 20, maxMs: 20 } });
    await until('the first admission failing', () => reactor.status().retrying, 10_000);

    // Three more arrive while ann's admission fails: they wait behind it in the cohort's lane.
    await seeder.submitAll(COHORT, ['ben', 'cat', 'dov']);
    await until(
      'the three admissions waiting behind the failing one',
      () => reactor.status().commandsPending === 4,
      10_000,
    );
    flaky.failNext(0);
    await until('all four seated or waitlisted', async () => (await placed()) === 4, 10_000);

    expect(await seatDecisions()).toEqual([
      'SeatReserved ann',
      'SeatReserved ben',
      'ApplicantWaitlisted cat',
      'ApplicantWaitlisted dov',
    ]);
    // Ann's batch alone, retried until the store took it; then the three waiting, in one write.
    expect(flaky.appendsTo(cohortStream(COHORT))).toBe(2);
    expect(harness.err.length).toBeGreaterThan(0);
    for (const line of harness.err)
      expect(line).toMatch(
        /^sooc reactor: ApplicationSubmitted \S+ → AdmitApplicant on cohort-c1 failed \(attempt \d+\), retrying in 20 ms: SQLITE_IOERR/,
      );
  });

  it('stopped while a batch is being retried, leaves its events unhandled and unsaved; the next start sends them again and completes them', async () => {
    await setUp(2);
    await seeder.submit(COHORT, 'ann');
    const first = await harness.start({ backoff: { firstMs: 5, maxMs: 5 } });
    await until('ann seated', async () => (await placed()) === 1, 10_000);
    const annHandled = (await lastReacted()).position;
    await until('ann handled', () => first.status().handledPosition === annHandled, 10_000);

    flaky.failNext(1_000);
    await seeder.submitAll(COHORT, ['ben', 'cat']);
    await until('ben and cat failing', () => first.status().retrying && first.status().commandsPending === 2, 10_000);
    await first.stop();
    // Their commands were given up, not answered: the checkpoint stays before ben's application.
    expect(first.status()).toMatchObject({
      handledPosition: annHandled,
      checkpoint: annHandled,
      commandsPending: 0,
      retrying: false,
    });
    expect((await loadCheckpoints(harness.read.db, [REACTOR_CHECKPOINT])).get(REACTOR_CHECKPOINT)).toBe(annHandled);
    expect(await seatDecisions()).toEqual(['SeatReserved ann']);

    flaky.failNext(0);
    const second = await harness.start();
    await second.caughtUp;
    await until('ben and cat placed', async () => (await placed()) === 3, 10_000);
    expect(await seatDecisions()).toEqual(['SeatReserved ann', 'SeatReserved ben', 'ApplicantWaitlisted cat']);
    expect(harness.out.join('')).toContain(`sooc reactor: starting at position ${annHandled}, `);
    expect(second.status()).toMatchObject({ refusals: 0, retrying: false });
  });
});
