import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { openReadDatabase, WorkerLease, type LeaseHolder, type ReadDatabase, type ReadDb } from '@sooc/read-store';
import { dialects, testDatabase, type TestDatabase } from '@sooc/read-store/testing';
import { allProjections, createProjectionRunner, openStores } from '@sooc/runtime';
import { CheckpointSampler } from './testing/checkpoint.sampler';
import { CohortHistory } from './testing/cohort-history.fixture';
import { writeTransactionOpen } from './testing/open-transaction.probe';
import { killAll, startProjectorProcess, type ProjectorProcess } from './testing/projector.process';
import { dumpReadDb, lowestCheckpointOf } from './testing/read-db.dump';
import { healthOf, healthUrlOf, metricOf } from './testing/worker.probe';

const TTL_MS = 2_000;
/** What a takeover may take beyond the ttl on a loaded machine (the rule gives ~ttl + ttl/3 + 2·ttl/5). */
const TAKEOVER_MARGIN_MS = 15_000;
const COHORTS = 6_000;
const COHORTS_AFTER = 500;
/** Small batches: a long replay of many commits, so the freeze lands with a batch in hand. */
const BATCH_SIZE = '5';
const FREEZE_AT = 0.15;
/** How far past the frozen holder's last commit the new holder must be before the old one wakes. */
const AHEAD_BY = 200n;

const projections = allProjections();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let dir: string;

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-projector-frozen-'))));
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

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Per projection, the change log's positions in commit order: a batch committed twice repeats one. */
async function changeLogPositions(db: ReadDb): Promise<Map<string, bigint[]>> {
  const rows = (await db.selectFrom('read_model_changes').select(['projection', 'position']).orderBy('seq').execute()) as { projection: string; position: string }[];
  const byProjection = new Map<string, bigint[]>();
  for (const row of rows) byProjection.set(row.projection, [...(byProjection.get(row.projection) ?? []), BigInt(row.position)]);
  return byProjection;
}

interface Instance {
  readonly id: string;
  readonly run: ProjectorProcess;
  readonly url: string;
}

describe.each(dialects)('a frozen projector on a %s read database', (dialect) => {
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

  it('SIGSTOPped past the ttl mid-replay, then woken after a standby took over, applies nothing twice, never moves a checkpoint back, and stands by', async () => {
    const eventsFile = join(dir, `events-${dialect}.sqlite`);
    const history = new CohortHistory(100);
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS));
    const head = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    const lease = (): Promise<LeaseHolder | null> => new WorkerLease(read.db, { name: 'projector', holder: 'test', ttlMs: TTL_MS }).current();
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

    // A first, so it is the holder; B joins as its spare.
    const a = await start(`${dialect}-a`);
    await until('A to be active', async () => ((await role(a)) === 'active' ? true : null));
    const b = await start(`${dialect}-b`);
    await until('B to stand by', async () => ((await role(b)) === 'standby' ? true : null));
    const sampler = new CheckpointSampler(read.db);

    // Freeze A mid-replay, between two of its transactions: frozen inside one, it would hold the
    // write lock (SQLite) or the checkpoint rows (PostgreSQL) and nobody could commit past it, so a
    // freeze that landed there is thawed and tried again a moment later.
    const aimed = BigInt(Math.round(Number(head) * FREEZE_AT));
    await until(`checkpoint ${aimed}`, async () => (((await checkpoint()) ?? 0n) >= aimed ? true : null), 60_000);
    let freezes = 0;
    for (;;) {
      freezes++;
      a.run.child.kill('SIGSTOP');
      await sleep(50);
      if (!(await writeTransactionOpen(target.url))) break;
      if (freezes >= 50) throw new Error('every freeze landed inside a transaction');
      a.run.child.kill('SIGCONT');
      await sleep(20 + freezes * 7);
    }
    const frozenAt = performance.now();
    const lastOfA = (await checkpoint()) as bigint;
    expect(lastOfA).toBeLessThan(head);

    // The heartbeat stands still: after the ttl on B's own clock, B takes the lease over.
    await until('B to take over', async () => ((await role(b)) === 'active' ? true : null), TTL_MS + TAKEOVER_MARGIN_MS);
    expect(performance.now() - frozenAt).toBeGreaterThanOrEqual(TTL_MS / 2);
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
    // It resumes exactly at A's last commit, and moves on past it while A sleeps with a batch in hand.
    await until('B to start projecting', async () => (b.run.stdout().includes('starting at position') ? true : null));
    expect(b.run.stdout()).toContain(`starting at position ${lastOfA}, store head ${head}`);
    await until(`B to commit past ${lastOfA}`, async () => (((await checkpoint()) ?? 0n) >= lastOfA + AHEAD_BY ? true : null), 60_000);
    expect(a.run.child.exitCode).toBeNull();

    // A wakes up with a batch in hand and its renewal overdue. Whichever runs first — its commit,
    // refused because the checkpoint moved (CheckpointMovedError rolls the batch back), or the
    // renewal, refused because the row names B — A stops its work and stands by as a healthy
    // spare: it neither exits nor reports a projection failure (runSingleton counts a work
    // failure after the lease was taken as the lost lease).
    a.run.child.kill('SIGCONT');
    const wokenAt = performance.now();
    await until('A to stand by', async () => {
      if (a.run.child.exitCode !== null || a.run.child.signalCode !== null) throw new Error(`A exited: ${a.run.stderr()}`);
      return (await healthOf(a.url).catch(() => null))?.role === 'standby' ? true : null;
    }, TTL_MS + TAKEOVER_MARGIN_MS);
    const standbyAfterMs = performance.now() - wokenAt;
    expect(await healthOf(a.url)).toMatchObject({ status: 200, ready: true, role: 'standby' });
    expect(await metricOf(a.url, 'sooc_worker_active{worker="projector"}')).toBe(0);
    await until('A to say who holds the lease', async () => (a.run.stdout().includes(`standing by: lease "projector" held by ${b.id}`) ? true : null));
    expect(a.run.stderr()).toBe('sooc projector: lease "projector" lost: stopping the work, then standing by\n');
    expect(a.run.stdout()).not.toContain('released');
    const receivedByA = await metricOf(a.url, 'sooc_projected_events_total');

    // The system keeps writing; B, still the holder, catches up with everything.
    await until('B to catch up', async () => ((await checkpoint()) === head ? true : null), 120_000);
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS_AFTER));
    const finalHead = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    await until('B to catch up again', async () => ((await checkpoint()) === finalHead ? true : null), 120_000);
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
    expect(await healthOf(b.url)).toMatchObject({ status: 200, ready: true, role: 'active', lag: '0' });

    // Sampled all along, while both ran: no checkpoint ever went back.
    const samples = sampler.samples;
    expect(await sampler.stop()).toEqual([]);
    expect(samples).toBeGreaterThan(20);
    // Each commit logs its batch's position once per projection, in commit order: never repeated, never back.
    for (const [projection, positions] of await changeLogPositions(read.db)) {
      const backOrAgain = positions.filter((p, i) => i > 0 && p <= positions[i - 1]);
      expect({ projection, backOrAgain }).toEqual({ projection, backOrAgain: [] });
    }

    // A stayed a spare the whole time: no new tenure, no event received since it stood by.
    expect(await healthOf(a.url)).toMatchObject({ status: 200, role: 'standby' });
    expect(await metricOf(a.url, 'sooc_projected_events_total')).toBe(receivedByA);
    expect(a.run.stdout().match(/acquired \(generation \d+\): active/g)).toEqual(['acquired (generation 1): active']);
    // The spare first, so it does not take over from B on its way out.
    for (const instance of [a, b]) {
      instance.run.child.kill('SIGTERM');
      expect(await instance.run.exited).toEqual({ code: 0, signal: null });
    }
    expect(b.run.stderr()).toBe('');
    expect(await lease()).toBeNull();

    const clean = await testDatabase(dialect);
    try {
      const stores = await openStores({ eventStoreUrl: `sqlite:${eventsFile}`, readDbUrl: clean.url });
      try {
        await createProjectionRunner(stores, { projectionBatchSize: 1_000 }).rebuild();
        const rebuilt = await dumpReadDb(stores.readDatabase.db, projections);
        const survived = await dumpReadDb(read.db, projections);
        expect(rebuilt.tables['cohorts']).toHaveLength(COHORTS + COHORTS_AFTER);
        for (const projection of projections) expect(survived.tables[projection.table]).toEqual(rebuilt.tables[projection.table]);
        expect(survived.checkpoints).toEqual(rebuilt.checkpoints);
      } finally {
        await stores.close();
      }
    } finally {
      await clean.dispose();
    }

    process.stdout.write(
      `projector frozen test (${dialect}): ${history.events} events; A frozen at checkpoint ${lastOfA} of ${head} ` +
        `(${freezes} freeze(s) to land between transactions), B past it by ${AHEAD_BY}+ before SIGCONT, ` +
        `A standing by ${Math.round(standbyAfterMs)} ms after waking; ${samples} checkpoint samples, none backwards\n`,
    );
  }, 300_000);
});
