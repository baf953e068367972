import { DEFAULT_DELIVERY_SETTINGS } from '@sooc/partners-delivery';
import { systemClock } from '@sooc/timing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Seeder } from '@sooc/reactor-engine/testing';
import { until } from '@sooc/util/testing';
import { countSubscriptions, type SubscriptionCounter } from '@sooc/read-store/testing';
import { openStores, type Stores } from '@sooc/runtime';
import { startEmbeddedWorkers, type EmbeddedWorkers } from './embedded.workers';

const COHORT = 'c1';

/** The embedded gateway's projections, reactions and due offers read $all through one store subscription. */
describe('the embedded workers on one follower of $all', () => {
  let dir: string;
  let stores: Stores;
  let counter: SubscriptionCounter;
  let workers: EmbeddedWorkers | null = null;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-embedded-follower-'));
    stores = await openStores({
      eventStoreUrl: `sqlite:${join(dir, 'events.db')}`,
      readDbUrl: `sqlite:${join(dir, 'read.db')}`,
    });
    counter = countSubscriptions(stores.eventStore);
  });
  afterEach(async () => {
    await workers?.stop();
    workers = null;
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects and reacts with a single store subscription open', async () => {
    const seeder = new Seeder(counter.store, () => new Date());
    await seeder.openCohort({ cohortId: COHORT, capacity: 2, offerTtlHours: 1 });
    await seeder.submitAll(COHORT, ['ann', 'ben', 'cat']);
    workers = await startEmbeddedWorkers(
      { ...stores, eventStore: counter.store },
      {},
      {
        clock: systemClock,
        reactorTickMs: 50,
        logLevel: 'silent',
        leaseTtlMs: 2_000,
        instanceId: 'gateway-a',
        webhooks: DEFAULT_DELIVERY_SETTINGS,
      },
    );
    const reactor = workers.reactor();
    await reactor?.caughtUp;
    const status = async (learner: string) => (await seeder.enrollmentState(COHORT, learner)).status;
    await until(
      'offers',
      async () => (await status('ben')) === 'offered' && (await status('cat')) === 'waitlisted',
      10_000,
    );
    // The projections have what the reactor wrote, read through the same subscription.
    const head = (await stores.eventStore.headPosition()) as bigint;
    await workers.runner.waitForPosition(head);
    const applications = await stores.readDatabase.db.selectFrom('applications').selectAll().execute();
    expect(applications).toHaveLength(3);

    expect(counter.mostOpen).toBe(1);
    await workers.stop();
    workers = null;
    expect(counter.open).toBe(0);
  });
});
