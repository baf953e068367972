import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { openReadDatabase, WorkerLease, type LeaseHolder, type ReadDatabase } from '@sooc/read-store';
import { dialects, testDatabase, type TestDatabase } from '@sooc/read-store/testing';
import { allProjections, createProjectionRunner, openStores } from '@sooc/runtime';
import { until } from '@sooc/util/testing';
import { CohortHistory } from './testing/cohort-history.fixture';
import { killAll, startProjectorProcess, type ProjectorProcess } from './testing/projector.process';
import { dumpReadDb, lowestCheckpointOf } from './testing/read-db.dump';
import { healthOf, healthUrlOf, metricOf } from './testing/worker.probe';

const TTL_MS = 2_000;
/** What a takeover after a SIGKILL may take beyond the ttl on a loaded machine (the rule gives ~ttl + ttl/3 + 2·ttl/5). */
const TAKEOVER_MARGIN_MS = 10_000;
const COHORTS = 8_000;
const COHORTS_WHILE_RUNNING = 1_000;
/** Small batches: a long replay of many commits, so the kill lands in its middle. */
const BATCH_SIZE = '5';
const KILL_AT = 0.3;

const projections = allProjections();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let dir: string;

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-projector-lease-'))));
afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

async function withEventStore<T>(file: string, use: (store: EventStore) => Promise<T>): Promise<T> {
  const store = SqliteEventStore.open(file, { synchronous: 'OFF' });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

interface Instance {
  readonly id: string;
  readonly run: ProjectorProcess;
  readonly url: string;
}

describe.each(dialects)('projectors sharing a %s read database', (dialect) => {
  let target: TestDatabase;
  let read: ReadDatabase;

  beforeEach(async () => {
    target = await testDatabase(dialect);
    read = openReadDatabase(target.url);
  });
  afterEach(async () => {
    killAll();
    await read.close();
    await target.dispose();
  });

  it('only the lease holder projects; a SIGKILLed holder is replaced after the ttl, a SIGTERMed one at once; the read models end as a clean rebuild', async () => {
    const eventsFile = join(dir, `events-${dialect}.sqlite`);
    const history = new CohortHistory(100);
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS));
    const head = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    const lease = (): Promise<LeaseHolder | null> =>
      new WorkerLease(read.db, { name: 'projector', holder: 'test', ttlMs: TTL_MS }).current();
    const checkpoint = () => lowestCheckpointOf(read.db, projections);
    const start = async (id: string): Promise<Instance> => {
      const run = startProjectorProcess({
        SOOC_EVENT_STORE_URL: `sqlite:${eventsFile}`,
        SOOC_READ_DB_URL: target.url,
        SOOC_DATA_DIR: dir,
        SOOC_PROJECTION_BATCH_SIZE: BATCH_SIZE,
        SOOC_LEASE_TTL_MS: String(TTL_MS),
        SOOC_INSTANCE_ID: id,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      });
      return { id, run, url: await healthUrlOf(run) };
    };
    const role = async (instance: Instance) => (await healthOf(instance.url)).role;
    const projected = (instance: Instance) => metricOf(instance.url, 'sooc_projected_events_total');

    // Two projectors started together: one takes the lease, the other stands by.
    const both = await Promise.all([start(`${dialect}-a`), start(`${dialect}-b`)]);
    const [first, spare] = await until('one active projector', async () => {
      const roles = await Promise.all(both.map(role));
      if (roles.includes('active') && roles.includes('standby'))
        return roles[0] === 'active' ? both : [both[1], both[0]];
      return null;
    });
    expect(await lease()).toMatchObject({ holder: first.id, generation: 1n });
    expect(await healthOf(spare.url)).toMatchObject({ status: 200, ready: true, role: 'standby' });
    expect(await metricOf(first.url, 'sooc_worker_active{worker="projector"}')).toBe(1);
    expect(await metricOf(spare.url, 'sooc_worker_active{worker="projector"}')).toBe(0);

    // While the checkpoints move, every event comes through the holder: the spare receives none.
    const samples: { checkpoint: bigint | null; active: number; spare: number }[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push({ checkpoint: await checkpoint(), active: await projected(first), spare: await projected(spare) });
      await sleep(200);
    }
    expect(samples.map((s) => s.spare)).toEqual([0, 0, 0, 0, 0]);
    expect(samples[4].active).toBeGreaterThan(samples[0].active);
    expect(samples[4].checkpoint ?? 0n).toBeGreaterThan(samples[0].checkpoint ?? 0n);
    expect(spare.run.stdout()).not.toContain('starting at position');

    // SIGKILL mid-replay: no release, so the spare waits until the heartbeat has been still for the ttl.
    const aimed = BigInt(Math.round(Number(head) * KILL_AT));
    await until(`checkpoint ${aimed}`, async () => (((await checkpoint()) ?? 0n) >= aimed ? true : null), 60_000);
    expect(await projected(spare)).toBe(0);
    first.run.child.kill('SIGKILL');
    const killedAt = performance.now();
    expect(await first.run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const committed = (await checkpoint()) as bigint;
    expect(committed).toBeLessThan(head);
    await until(
      'the spare to take over',
      async () => ((await role(spare)) === 'active' ? true : null),
      TTL_MS + TAKEOVER_MARGIN_MS,
    );
    const takeoverMs = performance.now() - killedAt;
    expect(takeoverMs).toBeGreaterThanOrEqual(TTL_MS / 2);
    expect(takeoverMs).toBeLessThan(TTL_MS + TAKEOVER_MARGIN_MS);
    expect(await lease()).toMatchObject({ holder: spare.id, generation: 2n });
    expect(spare.run.stdout()).toContain('lease "projector" acquired (generation 2): active');
    // It resumed exactly where the killed holder's last commit left the read models.
    await until('the spare to start projecting', async () =>
      spare.run.stdout().includes('starting at position') ? true : null,
    );
    expect(spare.run.stdout()).toContain(`starting at position ${committed}, store head ${head}`);

    // The system keeps writing; a third projector joins as a spare.
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS_WHILE_RUNNING));
    const finalHead = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    const third = await start(`${dialect}-c`);
    await until('the third to stand by', async () => ((await role(third)) === 'standby' ? true : null));
    expect(await projected(third)).toBe(0);

    // SIGTERM: the holder stops at a checkpoint and deletes its lease row before it exits, so the
    // spare takes over at its next poll (ttl/5), not after a ttl.
    spare.run.child.kill('SIGTERM');
    const stoppedAt = performance.now();
    let exitedAt = Number.POSITIVE_INFINITY;
    const exited = spare.run.exited.then((result) => ((exitedAt = performance.now()), result));
    await until(
      'the third to take over',
      async () => ((await role(third)) === 'active' ? true : null),
      TTL_MS + TAKEOVER_MARGIN_MS,
    );
    const activeAt = performance.now();
    const handoverMs = activeAt - stoppedAt;
    expect(await exited).toEqual({ code: 0, signal: null });
    // Measured from the exit: how long the old holder takes to stop depends on the machine's load.
    expect(Math.max(0, activeAt - exitedAt)).toBeLessThan(TTL_MS);
    expect(spare.run.stdout()).toContain('lease "projector" released');
    // A fresh row (generation 1), not a takeover of an expired one (which would be generation 3).
    expect(await lease()).toMatchObject({ holder: third.id, generation: 1n });
    // Active as soon as it holds the lease; it says where it resumes once it has read the checkpoints.
    const resumedAt = await until(
      'the third to start projecting',
      async () => /starting at position (\d+), store head/.exec(third.run.stdout())?.[1] ?? null,
    );

    await until('the third to catch up', async () => ((await checkpoint()) === finalHead ? true : null), 120_000);
    // Exactly the events after where it resumed, once each (every event is projected; SQLite positions have no gaps).
    expect(await projected(third)).toBe(Number(finalHead - BigInt(resumedAt)));
    expect(await healthOf(third.url)).toMatchObject({ status: 200, ready: true, role: 'active', lag: '0' });
    third.run.child.kill('SIGTERM');
    expect(await third.run.exited).toEqual({ code: 0, signal: null });
    expect(await lease()).toBeNull();
    for (const instance of [first, spare, third]) expect(instance.run.stderr()).toBe('');

    const clean = await testDatabase(dialect);
    try {
      const stores = await openStores({ eventStoreUrl: `sqlite:${eventsFile}`, readDbUrl: clean.url });
      try {
        await createProjectionRunner(stores, { projectionBatchSize: 1_000 }).rebuild();
        const rebuilt = await dumpReadDb(stores.readDatabase.db, projections);
        const survived = await dumpReadDb(read.db, projections);
        expect(rebuilt.tables['cohorts']).toHaveLength(COHORTS + COHORTS_WHILE_RUNNING);
        for (const projection of projections)
          expect(survived.tables[projection.table]).toEqual(rebuilt.tables[projection.table]);
        expect(survived.checkpoints).toEqual(rebuilt.checkpoints);
      } finally {
        await stores.close();
      }
    } finally {
      await clean.dispose();
    }

    process.stdout.write(
      `projector lease test (${dialect}): ${history.events} events; SIGKILL at checkpoint ${committed} of ${head}, ` +
        `takeover after ${Math.round(takeoverMs)} ms (ttl ${TTL_MS} ms); SIGTERM handover after ${Math.round(handoverMs)} ms\n`,
    );
  }, 240_000);
});
