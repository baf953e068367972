import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadDatabase, WorkerLease, type LeaseHolder, type ReadDatabase, type ReadDialect } from '@sooc/read-store';
import { dialects, testDatabase, type TestDatabase } from '@sooc/read-store/testing';
import { allProjections } from '@sooc/runtime';
import { until } from '@sooc/util/testing';
import { CheckpointSampler } from './testing/checkpoint.sampler';
import { CohortHistory } from './testing/cohort-history.fixture';
import {
  changeLogPositions,
  cleanRebuild,
  freeze,
  repeatedOrBackwards,
  roleOf,
  startProjectorInstance,
  throttled,
  withEventStore,
  type Instance,
} from './testing/frozen.scenario';
import { killAll } from './testing/projector.process';
import { dumpReadDb, lowestCheckpointOf } from './testing/read-db.dump';
import { healthOf, metricOf } from './testing/worker.probe';

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
let dir: string;

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-projector-frozen-'))));
afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** A replaying A, its spare B, a history on a shared event file, and a read database of `dialect`. */
function frozenHolderScene(dialect: ReadDialect) {
  const scene = {} as {
    target: TestDatabase;
    read: ReadDatabase;
    eventsFile: string;
    history: CohortHistory;
    head: bigint;
    a: Instance;
    b: Instance;
    sampler: CheckpointSampler;
  };
  beforeEach(async () => {
    scene.target = await testDatabase(dialect);
    scene.read = openReadDatabase(scene.target.url);
    scene.eventsFile = join(dir, `events-${dialect}-${Date.now()}.sqlite`);
    scene.history = new CohortHistory(100);
    await withEventStore(scene.eventsFile, (store) => scene.history.append(store, COHORTS));
    scene.head = (await withEventStore(scene.eventsFile, (store) => store.headPosition())) as bigint;
    const env = {
      eventsFile: scene.eventsFile,
      readDbUrl: scene.target.url,
      dataDir: dir,
      ttlMs: TTL_MS,
      batchSize: BATCH_SIZE,
    };
    // A first, so it is the holder; B joins as its spare.
    scene.a = await startProjectorInstance(`${dialect}-a`, env);
    await until('A to be active', async () => ((await roleOf(scene.a)) === 'active' ? true : null));
    // A replays meanwhile, slowed down, so that it is still under way once B stands by.
    scene.b = await throttled(scene.a, async () => {
      const b = await startProjectorInstance(`${dialect}-b`, env);
      await until('B to stand by', async () => ((await roleOf(b)) === 'standby' ? true : null));
      return b;
    });
    scene.sampler = new CheckpointSampler(scene.read.db);
    const aimed = BigInt(Math.round(Number(scene.head) * FREEZE_AT));
    await until(
      `checkpoint ${aimed}`,
      async () => (((await lowestCheckpointOf(scene.read.db, projections)) ?? 0n) >= aimed ? true : null),
      60_000,
    );
  });
  afterEach(async () => {
    killAll();
    await scene.sampler.stop();
    await scene.read.close();
    await scene.target.dispose();
  });
  return scene;
}

describe.each(dialects)('a projector frozen between two batches on a %s read database', (dialect) => {
  const scene = frozenHolderScene(dialect);

  it('woken after a standby took over and committed past it, applies nothing twice, never moves a checkpoint back, and stands by', async () => {
    const { read, target, history, head, a, b, sampler } = scene;
    const lease = (): Promise<LeaseHolder | null> =>
      new WorkerLease(read.db, { name: 'projector', holder: 'test', ttlMs: TTL_MS }).current();
    const checkpoint = () => lowestCheckpointOf(read.db, projections);

    // Frozen inside a transaction, A would hold the write lock (SQLite) or its rows (PostgreSQL)
    // and nobody could commit past it: that case is the next describe's.
    const freezes = await freeze(a, target.url, 'between');
    const frozenAt = performance.now();
    const lastOfA = (await checkpoint()) as bigint;
    // Still mid-replay, with room for B to get well past it.
    expect(lastOfA + AHEAD_BY).toBeLessThan(head);

    // The heartbeat stands still: after the ttl on B's own clock, B takes the lease over.
    await until(
      'B to take over',
      async () => ((await roleOf(b)) === 'active' ? true : null),
      TTL_MS + TAKEOVER_MARGIN_MS,
    );
    expect(performance.now() - frozenAt).toBeGreaterThanOrEqual(TTL_MS / 2);
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
    // It resumes exactly at A's last commit, and moves on past it while A sleeps with a batch in hand.
    await until('B to start projecting', async () => (b.run.stdout().includes('starting at position') ? true : null));
    expect(b.run.stdout()).toContain(`starting at position ${lastOfA}, store head ${head}`);
    await until(
      `B to commit past ${lastOfA}`,
      async () => (((await checkpoint()) ?? 0n) >= lastOfA + AHEAD_BY ? true : null),
      60_000,
    );
    expect(a.run.child.exitCode).toBeNull();

    // A wakes up with a batch in hand and its renewal overdue. Whichever runs first — its commit,
    // refused because the checkpoint moved (CheckpointMovedError rolls the batch back), or the
    // renewal, refused because the row names B — A stops its work and stands by as a healthy
    // spare: it neither exits nor reports a projection failure (runSingleton counts a work
    // failure after the lease was taken as the lost lease).
    a.run.child.kill('SIGCONT');
    const wokenAt = performance.now();
    await until(
      'A to stand by',
      async () => {
        if (a.run.child.exitCode !== null) throw new Error(`A exited ${a.run.child.exitCode}: ${a.run.stderr()}`);
        return (await roleOf(a)) === 'standby' ? true : null;
      },
      TTL_MS + TAKEOVER_MARGIN_MS,
    );
    const standbyAfterMs = performance.now() - wokenAt;
    expect(await healthOf(a.url)).toMatchObject({ status: 200, ready: true, role: 'standby' });
    expect(await metricOf(a.url, 'sooc_worker_active{worker="projector"}')).toBe(0);
    await until('A to say who holds the lease', async () =>
      a.run.stdout().includes(`standing by: lease "projector" held by ${b.id}`) ? true : null,
    );
    expect(a.run.stderr()).toBe('sooc projector: lease "projector" lost: stopping the work, then standing by\n');
    expect(a.run.stdout()).not.toContain('released');
    const receivedByA = await metricOf(a.url, 'sooc_projected_events_total');

    // The system keeps writing; B, still the holder, catches up with everything.
    await until('B to catch up', async () => ((await checkpoint()) === head ? true : null), 120_000);
    await withEventStore(scene.eventsFile, (store) => history.append(store, COHORTS_AFTER));
    const finalHead = (await withEventStore(scene.eventsFile, (store) => store.headPosition())) as bigint;
    await until('B to catch up again', async () => ((await checkpoint()) === finalHead ? true : null), 120_000);
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
    expect(await healthOf(b.url)).toMatchObject({ status: 200, ready: true, role: 'active', lag: '0' });

    // Sampled all along, while both ran: no checkpoint ever went back, no batch was logged twice.
    const samples = sampler.samples;
    expect(await sampler.stop()).toEqual([]);
    expect(samples).toBeGreaterThan(20);
    for (const [projection, positions] of await changeLogPositions(read.db))
      expect({ projection, again: repeatedOrBackwards(positions) }).toEqual({ projection, again: [] });

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

    const rebuilt = await cleanRebuild(scene.eventsFile, dialect);
    const survived = await dumpReadDb(read.db, projections);
    expect(rebuilt.tables['cohorts']).toHaveLength(COHORTS + COHORTS_AFTER);
    for (const projection of projections)
      expect(survived.tables[projection.table]).toEqual(rebuilt.tables[projection.table]);
    expect(survived.checkpoints).toEqual(rebuilt.checkpoints);
    process.stdout.write(
      `projector frozen between batches (${dialect}): ${history.events} events; A frozen at checkpoint ${lastOfA} of ${head} ` +
        `(${freezes} freeze(s) to land between transactions), B ${AHEAD_BY}+ past it before SIGCONT, ` +
        `A standing by ${Math.round(standbyAfterMs)} ms after waking; ${samples} checkpoint samples, none backwards\n`,
    );
  }, 300_000);
});

// SQLite is left out: frozen inside a transaction, A holds the database's only write lock, so B
// cannot even take the lease over (its compare-and-swap waits out busy_timeout and retries) until A
// wakes; nothing can diverge.
describe('a projector frozen inside its batch transaction on a postgres read database', () => {
  const scene = frozenHolderScene('postgres');
  const checkpoint = () => lowestCheckpointOf(scene.read.db, projections);
  const lease = (): Promise<LeaseHolder | null> =>
    new WorkerLease(scene.read.db, { name: 'projector', holder: 'test', ttlMs: TTL_MS }).current();

  /** Freezes A after it wrote part of a batch, lets B take the lease, wakes A; resolves with A's last commit. */
  async function freezeInsideThenWake(): Promise<bigint> {
    const { target, a, b } = scene;
    await freeze(a, target.url, 'inside');
    const lastOfA = (await checkpoint()) as bigint;
    await until(
      'B to take over',
      async () => ((await roleOf(b)) === 'active' ? true : null),
      TTL_MS + TAKEOVER_MARGIN_MS,
    );
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
    await until('B to start projecting', async () =>
      b.run.stdout().includes(`starting at position ${lastOfA}`) ? true : null,
    );
    // The lease does not unlock rows: B's first batch (the one A holds) waits on A's row locks.
    await until('B to have waited a ttl', async () => ((await checkpoint()) === lastOfA ? true : null));
    await new Promise((resolve) => setTimeout(resolve, TTL_MS));
    expect(await checkpoint()).toBe(lastOfA);
    a.run.child.kill('SIGCONT');
    return lastOfA;
  }

  it('woken after a standby took the lease, still applies nothing twice and never moves a checkpoint back; the read models end as a clean rebuild', async () => {
    const { read, head, a, b, sampler } = scene;
    await freezeInsideThenWake();
    // Whoever holds the lease in the end (B, as the next test pins) catches up with everything.
    await until('a projector to catch up', async () => ((await checkpoint()) === head ? true : null), 120_000);
    expect(await sampler.stop()).toEqual([]);
    for (const [projection, positions] of await changeLogPositions(read.db))
      expect({ projection, again: repeatedOrBackwards(positions) }).toEqual({ projection, again: [] });
    const holder = (await lease())?.holder;
    expect([a.id, b.id]).toContain(holder);
    for (const instance of [a, b]) if (instance.run.child.exitCode === null) instance.run.child.kill('SIGTERM');
    await Promise.all([a.run.exited, b.run.exited]);
    const rebuilt = await cleanRebuild(scene.eventsFile, 'postgres');
    const survived = await dumpReadDb(read.db, projections);
    for (const projection of projections)
      expect(survived.tables[projection.table]).toEqual(rebuilt.tables[projection.table]);
    expect(survived.checkpoints).toEqual(rebuilt.checkpoints);
    process.stdout.write(
      `projector frozen inside a batch (postgres): lease ended with ${holder}; B exited ${b.run.child.exitCode}\n`,
    );
  }, 300_000);

  // Every batch transaction ends with the lease's fence (WorkerLease.fence): the woken A's open
  // batch is rolled back instead of committed, so B's batch, blocked on A's row locks, finds its
  // checkpoint where it left it. Before the fence, A committed and B exited 1 on the moved checkpoint.
  it('woken after a standby took the lease, commits nothing more, so the new holder keeps the lease and carries on', async () => {
    const { b } = scene;
    const lastOfA = await freezeInsideThenWake();
    const outcome = await until(
      'B to commit past A, or exit',
      async () => {
        if (b.run.child.exitCode !== null)
          return { bExit: b.run.child.exitCode, bStderr: b.run.stderr().split('\n')[0] };
        return ((await checkpoint()) ?? 0n) >= lastOfA + AHEAD_BY ? { bExit: null, bStderr: b.run.stderr() } : null;
      },
      60_000,
    );
    expect(outcome).toEqual({ bExit: null, bStderr: '' });
    expect(await lease()).toMatchObject({ holder: b.id, generation: 2n });
  }, 300_000);
});
