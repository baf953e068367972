import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionKey } from '@sooc/util';
import type { EventStore } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { allProjections, createProjectionRunner, openStores } from '@sooc/runtime';
import { CohortHistory } from './testing/cohort-history.fixture';
import { killAll, startProjectorProcess, type ProjectorProcess } from './testing/projector.process';
import { dumpReadModels, lowestCheckpoint } from './testing/read-db.inspect';
import { foldUpTo } from './testing/reference.fold';

const COURSES = 200;
const COHORTS = 15_000;
const COHORTS_WHILE_DOWN = 1_000;
/** Small batches: thousands of commits, so a SIGKILL lands between (or inside) many transactions. */
const BATCH_SIZE = '5';
/** Where the two kills aim, as fractions of the head: two different points of the replay. */
const KILL_AT = [0.2, 0.55];
/** Where a SIGTERM interrupts the replay, after the kills. */
const STOP_AT = 0.75;

const projections = allProjections();
let dir: string;

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-projector-crash-'))));
// A failed assertion must not leave a projector running and jest waiting for it.
afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

async function withEventStore<T>(file: string, use: (store: EventStore) => Promise<T>): Promise<T> {
  // synchronous OFF: the fixture's writes only need to survive this test, not a power cut.
  const store = SqliteEventStore.open(file, { synchronous: 'OFF' });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Polls `probe` until it returns a value; fails early, with the child's stderr, if the child exits. */
async function waitFor<T>(probe: () => T | null, run: ProjectorProcess, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(`projector exited before ${what}: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('the projector process', () => {
  // ~30 s alone (each restart after a kill waits out the dead holder's 1 s lease); more on a busy machine.
  it('killed with SIGKILL mid-projection twice, stopped once with SIGTERM, then restarted, ends with the read models of a clean rebuild', async () => {
    const started = Date.now();
    const eventsFile = join(dir, 'events.sqlite');
    const readFile = join(dir, 'read.sqlite');
    // A killed projector leaves its lease behind: the next one takes it over after the ttl.
    const env = {
      SOOC_DATA_DIR: dir,
      SOOC_PROJECTION_BATCH_SIZE: BATCH_SIZE,
      LOG_LEVEL: 'info',
      SOOC_LEASE_TTL_MS: '1000',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    const history = new CohortHistory(COURSES);
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS));
    const head = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    expect(history.events).toBeGreaterThan(30_000);

    const kills: { aimed: bigint; seen: bigint; committed: bigint }[] = [];
    for (const fraction of KILL_AT) {
      const from = lowestCheckpoint(readFile);
      const aimed = BigInt(Math.round(Number(head) * fraction));
      const run = startProjectorProcess(env);
      const seen = await waitFor(
        () => {
          const checkpoint = lowestCheckpoint(readFile);
          return checkpoint !== null && checkpoint >= aimed ? checkpoint : null;
        },
        run,
        `checkpoint ${aimed}`,
      );
      run.child.kill('SIGKILL');
      expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Really killed mid-way: it had moved past where it started and was far from done.
      const committed = lowestCheckpoint(readFile) as bigint;
      expect(committed).toBeGreaterThan(from ?? 0n);
      expect(committed).toBeLessThan(head);
      // It resumed from the previous kill's checkpoint, not from scratch.
      expect(run.stdout()).toContain(
        `starting at position ${from ?? 'none'}, store head ${head}, batches of ${BATCH_SIZE}`,
      );
      kills.push({ aimed, seen, committed });
    }
    expect(kills[1].committed).toBeGreaterThan(kills[0].committed);

    // The killed state is consistent: rows are exactly the fold of the events up to the checkpoint.
    const events = await withEventStore(eventsFile, (store) => store.readAll());
    expect(dumpReadModels(readFile, projections).tables).toEqual(foldUpTo(events, projections, kills[1].committed));

    // SIGTERM in the middle of the replay: a graceful stop at a checkpoint, not at the end of history.
    const stopAt = BigInt(Math.round(Number(head) * STOP_AT));
    const stopped = startProjectorProcess(env);
    await waitFor(() => ((lowestCheckpoint(readFile) ?? 0n) >= stopAt ? true : null), stopped, `checkpoint ${stopAt}`);
    stopped.child.kill('SIGTERM');
    expect(await stopped.exited).toEqual({ code: 0, signal: null });
    const resumeAt = lowestCheckpoint(readFile) as bigint;
    expect(resumeAt).toBeLessThan(head);
    expect(stopped.stdout()).toContain(`starting at position ${kills[1].committed}, store head ${head}`);
    expect(stopped.stdout()).toContain(`stopped at position ${resumeAt}\n`);

    // While the projector is down, the system keeps writing.
    await withEventStore(eventsFile, (store) => history.append(store, COHORTS_WHILE_DOWN));
    const finalHead = (await withEventStore(eventsFile, (store) => store.headPosition())) as bigint;
    expect(finalHead).toBeGreaterThan(head);

    const last = startProjectorProcess(env);
    await waitFor(
      () => (last.stdout().includes(`caught up at position ${finalHead}:`) ? true : null),
      last,
      'the caught-up line',
    );
    expect(lowestCheckpoint(readFile)).toBe(finalHead);
    expect(last.stdout()).toContain(`starting at position ${resumeAt}, store head ${finalHead}`);
    // Only what was not committed was replayed (every event is of a projected type; SQLite positions have no gaps).
    expect(last.stdout()).toContain(`caught up at position ${finalHead}: ${finalHead - resumeAt} events`);
    last.child.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });
    expect(last.stdout()).toContain(`stopped at position ${finalHead}`);
    expect(last.stderr()).toBe('');

    // A clean rebuild into a second file, with the same registry, in this process.
    const cleanFile = join(dir, 'clean.sqlite');
    const clean = await openStores({ eventStoreUrl: `sqlite:${eventsFile}`, readDbUrl: `sqlite:${cleanFile}` });
    try {
      await createProjectionRunner(clean, { projectionBatchSize: 1_000 }).rebuild();
    } finally {
      await clean.close();
    }
    const survived = dumpReadModels(readFile, projections);
    const rebuilt = dumpReadModels(cleanFile, projections);
    expect(rebuilt.tables['cohorts']).toHaveLength(COHORTS + COHORTS_WHILE_DOWN);
    expect(rebuilt.tables['courses']).toHaveLength(COURSES);
    for (const projection of projections)
      expect(survived.tables[projection.table]).toEqual(rebuilt.tables[projection.table]);
    expect(survived.checkpoints).toEqual(rebuilt.checkpoints);
    expect(survived.checkpoints).toEqual(
      projections
        .map((p) => ({ projection: p.name, position: finalHead.toString() }))
        .sort((a, b) => a.projection.localeCompare(b.projection)),
    );

    // The events written while it was down arrived: new cohorts, and older cohorts that moved on.
    const cohorts = survived.tables['cohorts'] as { plan_position: string; last_position: string }[];
    const afterDown = positionKey(head);
    expect(cohorts.filter((c) => c.plan_position > afterDown)).toHaveLength(COHORTS_WHILE_DOWN);
    expect(cohorts.filter((c) => c.plan_position <= afterDown && c.last_position > afterDown).length).toBeGreaterThan(
      0,
    );

    process.stdout.write(
      `projector crash test: ${history.events} events (head ${finalHead}; ${head} before the downtime), ` +
        `killed at checkpoints ${kills.map((k) => `${k.committed} (aimed ${k.aimed}, seen ${k.seen})`).join(' and ')}, ` +
        `SIGTERM stopped it at ${resumeAt} (aimed ${stopAt}), ${Date.now() - started} ms\n`,
    );
  }, 240_000);

  it('exits 1 naming each bad variable', async () => {
    const run = startProjectorProcess({
      SOOC_EVENT_STORE_URL: 'memory:',
      SOOC_PROJECTION_BATCH_SIZE: 'lots',
      LOG_LEVEL: 'chatty',
    });
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stderr()).toContain('SOOC_EVENT_STORE_URL="memory:": expected "sqlite:<path>"');
    expect(run.stderr()).toContain('SOOC_PROJECTION_BATCH_SIZE="lots": expected an integer from 1 to 100000');
    expect(run.stderr()).toContain('LOG_LEVEL="chatty": expected one of');
  });
});
