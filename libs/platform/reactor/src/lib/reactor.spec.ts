import { cohortStream } from '@sooc/cohorts-domain';
import { enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { MemoryEventStore } from '@sooc/event-store';
import { loadCheckpoints } from '@sooc/read-store';
import { REACTOR_CHECKPOINT } from './reactor.checkpoint';
import { flakyEventStore } from '../testing/flaky.event-store';
import { Seeder } from '../testing/first-come.seed';
import { until } from '@sooc/util/testing';
import { ReactorHarness } from '../testing/reactor.harness';

const COHORT = 'c1';
let harness: ReactorHarness;
afterEach(() => harness.close());

async function statuses(seeder: Seeder, learners: readonly string[]): Promise<string> {
  const all = await Promise.all(learners.map(async (l) => `${l}:${(await seeder.enrollmentState(COHORT, l)).status}`));
  return all.join(' ');
}

describe('the reactor', () => {
  it('seats first-come applicants, passes expired offers to the waitlist by the clock, and resumes from its checkpoint', async () => {
    harness = await ReactorHarness.create();
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 2, offerTtlHours: 1 });
    const learners = ['ann', 'ben', 'cat', 'dov'];
    for (const l of learners) await seeder.submit(COHORT, l);

    const reactor = await harness.start();
    await reactor.caughtUp;
    await until(
      'two offers and two waitlisted',
      async () => (await statuses(seeder, learners)) === 'ann:offered ben:offered cat:waitlisted dov:waitlisted',
      10_000,
    );
    expect(harness.out.join('')).toContain('sooc reactor: starting at position none, store head ');

    // The reactor signs what it writes and names the event that caused it.
    const [submitted] = await harness.store.readStream(enrollmentStream(COHORT, 'ann'));
    const reserved = (await harness.store.readStream(cohortStream(COHORT))).find((e) => e.type === 'SeatReserved');
    expect(reserved?.metadata).toMatchObject({
      actor: { id: 'reactor', role: 'system' },
      causationId: submitted.id,
      correlationId: submitted.metadata.correlationId,
    });

    // Two hours later both offers have lapsed: the seats go to the two waiting, in arrival order.
    harness.clock.advance(2);
    await until(
      'the expiries and promotions',
      async () => (await statuses(seeder, learners)) === 'ann:expired ben:expired cat:offered dov:offered',
      10_000,
    );
    const offers = (await harness.store.readAll({ filter: { eventTypes: ['SeatOffered'] } })).map(
      (e) => e.data as { learnerId: string; promotedFromWaitlist: boolean },
    );
    expect(offers.map((o) => `${o.learnerId}${o.promotedFromWaitlist ? ' (promoted)' : ''}`)).toEqual([
      'ann',
      'ben',
      'cat (promoted)',
      'dov (promoted)',
    ]);
    await until('the expiry count', () => reactor.status().offersExpired === 2, 10_000);

    // Stopping saves where it got to; a new reactor starts there and finds nothing left to do.
    const head = await harness.store.headPosition();
    await until(
      'the last reservation handled',
      async () =>
        reactor.status().handledPosition ===
        (await harness.store.readAll({ filter: { eventTypes: ['SeatReserved'] } })).at(-1)?.position,
      10_000,
    );
    await reactor.stop();
    const { handledPosition, checkpoint, refusals, retrying } = reactor.status();
    expect({ checkpoint, refusals, retrying }).toEqual({ checkpoint: handledPosition, refusals: 0, retrying: false });
    expect((await loadCheckpoints(harness.read.db, [REACTOR_CHECKPOINT])).get(REACTOR_CHECKPOINT)).toBe(
      handledPosition,
    );

    const again = await harness.start();
    await again.caughtUp;
    expect(again.status().eventsHandled).toBe(0);
    expect(await harness.store.headPosition()).toBe(head);
    expect(harness.out.join('')).toContain(`sooc reactor: starting at position ${handledPosition}, store head ${head}`);
    expect(harness.err).toEqual([]);
  });

  it('logs a refused command as a warning with its code, and moves on past the event', async () => {
    harness = await ReactorHarness.create();
    // An acceptance for a cohort the store does not know: the cohort refuses to confirm the seat.
    const ghost = { enrollmentId: enrollmentIdOf('ghost', 'ann'), cohortId: 'ghost', learnerId: 'ann' };
    const metadata = {
      occurredAt: '2026-03-03T09:00:00.000Z',
      actor: { id: 'ann', role: 'learner' as const },
      correlationId: 'corr-ghost',
      causationId: null,
      schemaVersion: 1,
    };
    const { position } = await harness.store.append(
      enrollmentStream('ghost', 'ann'),
      [{ id: '7b4cb6a4-31c1-4c5e-9a55-6f1a7e0c0001', type: 'OfferAccepted', data: ghost, metadata }],
      { expectedRevision: 'any' },
    );

    const reactor = await harness.start();
    await reactor.caughtUp;
    expect(reactor.status()).toMatchObject({
      handledPosition: position,
      eventsHandled: 1,
      refusals: 1,
      commandsWritten: 0,
    });
    expect(harness.out.join('')).toMatch(
      /sooc reactor: OfferAccepted 7b4cb6a4-\S+ \(position \d+\) → ConfirmSeat on cohort-ghost refused: COHORT\.NOT_FOUND: /,
    );
    expect(harness.err).toEqual([]);
  });

  it('retries a failing store with growing delays and skips nothing', async () => {
    const flaky = flakyEventStore(new MemoryEventStore());
    harness = await ReactorHarness.create(flaky.store);
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 5, offerTtlHours: 1 });
    await seeder.submit(COHORT, 'ann');

    flaky.failNext(3);
    const reactor = await harness.start({ backoff: { firstMs: 10, maxMs: 25 } });
    await reactor.caughtUp;
    expect(flaky.failed).toBe(3);
    expect(harness.err.map((l) => l.replace(/ [0-9a-f-]{36} /, ' <id> ').replace(/: SQLITE.*\n/, ''))).toEqual([
      'sooc reactor: ApplicationSubmitted <id> → AdmitApplicant on cohort-c1 failed (attempt 1), retrying in 10 ms',
      'sooc reactor: ApplicationSubmitted <id> → AdmitApplicant on cohort-c1 failed (attempt 2), retrying in 20 ms',
      'sooc reactor: ApplicationSubmitted <id> → AdmitApplicant on cohort-c1 failed (attempt 3), retrying in 25 ms',
    ]);
    await until('the offer', async () => (await seeder.enrollmentState(COHORT, 'ann')).status === 'offered', 10_000);
    expect(reactor.status().retrying).toBe(false);
  });

  it('stopped while a store keeps failing, leaves the event for the next start instead of skipping it', async () => {
    const flaky = flakyEventStore(new MemoryEventStore());
    harness = await ReactorHarness.create(flaky.store);
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 5, offerTtlHours: 1 });
    await seeder.submit(COHORT, 'ann');

    flaky.failNext(1_000);
    const first = await harness.start({ backoff: { firstMs: 5, maxMs: 5 } });
    await until('a retry', () => first.status().retrying, 10_000);
    await first.stop();
    await expect(first.caughtUp).rejects.toThrow('stopped before catching up');
    expect(first.status()).toMatchObject({ handledPosition: null, checkpoint: null, eventsHandled: 0 });

    flaky.failNext(0);
    const second = await harness.start();
    await second.caughtUp;
    expect(second.status().eventsHandled).toBeGreaterThan(0);
    await until('the offer', async () => (await seeder.enrollmentState(COHORT, 'ann')).status === 'offered', 10_000);
  });
});
