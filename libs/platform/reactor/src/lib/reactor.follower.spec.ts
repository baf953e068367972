import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sooc/event-store';
import { EventFollower } from '@sooc/read-store';
import { countSubscriptions, type SubscriptionCounter } from '@sooc/read-store/testing';
import { Seeder } from '../testing/first-come.seed';
import { until } from '@sooc/util/testing';
import { ReactorHarness } from '../testing/reactor.harness';

const COHORT = 'c1';

/** The reactor's two readers of $all — its reactions and its due-offers runner — on one store subscription. */
describe('the reactor on one follower of $all', () => {
  let dir: string;
  let counter: SubscriptionCounter;
  let harness: ReactorHarness;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-reactor-follower-'));
    counter = countSubscriptions(SqliteEventStore.open(join(dir, 'events.db')));
    harness = await ReactorHarness.create(counter.store);
  });
  afterEach(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const statuses = async (seeder: Seeder, learners: readonly string[]) =>
    (await Promise.all(learners.map(async (l) => `${l}:${(await seeder.enrollmentState(COHORT, l)).status}`))).join(
      ' ',
    );

  it('reacts and expires due offers with a single subscription open', async () => {
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 2, offerTtlHours: 1 });
    const learners = ['ann', 'ben', 'cat'];
    for (const l of learners) await seeder.submit(COHORT, l);

    const reactor = await harness.start();
    await reactor.caughtUp;
    await until(
      'two offers',
      async () => (await statuses(seeder, learners)) === 'ann:offered ben:offered cat:waitlisted',
      10_000,
    );
    // The expiry needs the due-offers projection; the promotion needs the reactions to read it.
    harness.clock.advance(2);
    await until(
      'expiries and promotion',
      async () => (await statuses(seeder, learners)) === 'ann:expired ben:expired cat:offered',
      10_000,
    );

    expect(counter.mostOpen).toBe(1);
    await reactor.stop();
    expect(counter.open).toBe(0);
  });

  it('shares the follower it is given with the other consumers of the process', async () => {
    const follower = new EventFollower(harness.store);
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: 2, offerTtlHours: 1 });
    const other = follower.subscribeAll({ filter: { eventTypes: ['SeatOffered'] } });
    const offered = (async () => {
      for await (const message of other) if (message.kind === 'event') return message.event;
      return null;
    })();

    const reactor = await harness.start({ follower });
    await seeder.submit(COHORT, 'ann');
    expect((await offered)?.data).toMatchObject({ learnerId: 'ann' });
    await reactor.caughtUp;

    expect(counter.mostOpen).toBe(1);
    expect(follower.consumers).toBe(2);
    await reactor.stop();
    expect(follower.consumers).toBe(0);
    await follower.close();
  });
});
