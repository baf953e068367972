import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Seeder } from '@sooc/reactor-engine/testing';
import { allProjections, createProjectionRunner, loadStoreConfig, openStores, type Stores } from '@sooc/runtime';
import { WorkerLease } from '@sooc/read-store';
import { soocProgram } from './sooc.program';

/** verify compares every projection's table. */
const TABLES = allProjections().length;

interface Run {
  readonly out: string[];
  readonly progress: string;
  /** What it would have printed on exit, or null when it succeeded. */
  readonly error: string | null;
  readonly exitCode: number;
}

/** Runs `sooc …` in-process against real files: what it printed, its progress and its exit. */
async function sooc(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const out: string[] = [];
  let error = '';
  let progress = '';
  const program = soocProgram(env, (line) => out.push(line), { write: (text) => void (progress += text) });
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: (text) => (error += text), writeOut: (text) => out.push(text) });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(['node', 'sooc', ...args]);
    return { out, progress, error: null, exitCode: 0 };
  } catch (thrown) {
    return { out, progress, error, exitCode: (thrown as { exitCode?: number }).exitCode ?? 1 };
  }
}

describe('sooc projections', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-cli-projections-'));
  const env = { SOOC_DATA_DIR: dataDir, SOOC_LEASE_TTL_MS: '1000' };
  const withStores = async <T>(work: (stores: Stores) => Promise<T>): Promise<T> => {
    const stores = await openStores(loadStoreConfig(env));
    try {
      return await work(stores);
    } finally {
      await stores.close();
    }
  };

  beforeAll(async () => {
    await withStores(async (stores) => {
      const seeder = new Seeder(stores.eventStore, () => new Date('2026-03-02T09:00:00.000Z'));
      for (const cohortId of ['c-1', 'c-2']) {
        await seeder.openCohort({ cohortId, capacity: 3, offerTtlHours: 48 });
        await seeder.submitAll(cohortId, ['ada', 'bob', 'cy', 'dee', 'eve']);
      }
      const runner = createProjectionRunner(stores);
      await runner.start();
      await runner.waitForPosition((await stores.eventStore.headPosition()) ?? 0n);
      await runner.stop();
    });
  }, 30_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verify replays the events and finds the live read models equal', async () => {
    const run = await sooc(['projections', 'verify'], env);
    expect(run.error).toBeNull();
    expect(run.out).toHaveLength(1);
    expect(run.out[0]).toMatch(new RegExp(`^verified \\d+ rows in ${TABLES} tables: no differences$`));
    expect(Number(/verified (\d+)/.exec(run.out[0]!)?.[1])).toBeGreaterThan(10);
  });

  it('verify prints the one row broken on purpose and exits 1; rebuild restores it', async () => {
    await withStores(async ({ readDatabase }) => {
      const { numUpdatedRows } = await readDatabase.db
        .updateTable('applications')
        .set({ status: 'tampered' })
        .where('learner_id', '=', 'bob')
        .where('cohort_id', '=', 'c-2')
        .executeTakeFirst();
      expect(numUpdatedRows).toBe(1n);
    });
    const broken = await sooc(['projections', 'verify'], env);
    expect(broken.exitCode).toBe(1);
    expect(broken.out).toHaveLength(1);
    expect(broken.out[0]).toMatch(/^applications ".*bob.*" status: live "tampered", rebuilt "\w+"$/);
    expect(broken.error).toMatch(new RegExp(`verified \\d+ rows in ${TABLES} tables: 1 difference`));

    const rebuilt = await sooc(['projections', 'rebuild'], env);
    expect(rebuilt.error).toBeNull();
    expect(rebuilt.out[0]).toMatch(
      new RegExp(
        `^rebuilt all ${TABLES} projections to position \\d+: \\d+ events in [\\d.]+ s \\([\\d,]+ events/s\\)$`,
      ),
    );
    const clean = await sooc(['projections', 'verify'], env);
    expect(clean.error).toBeNull();
    expect(clean.out[0]).toMatch(/no differences$/);
  }, 30_000);

  it('rebuilds only the projections named, and names the valid ones when one is unknown', async () => {
    const one = await sooc(['projections', 'rebuild', 'enrollment.applications'], env);
    expect(one.error).toBeNull();
    expect(one.out[0]).toMatch(/^rebuilt enrollment\.applications to position/);

    const nope = await sooc(['projections', 'rebuild', 'nope'], env);
    expect(nope.exitCode).toBe(1);
    expect(nope.error).toContain('unknown projection "nope"');
    expect(nope.error).toContain('enrollment.applications');
    expect(nope.error).toContain('cohorts.dashboard');
  });

  it('refuses while a live projector holds the lease, unless --force', async () => {
    await withStores(async ({ readDatabase }) => {
      const projector = new WorkerLease(readDatabase.db, { name: 'projector', holder: 'projector-7', ttlMs: 1_000 });
      expect(await projector.tryAcquire()).toBe(true);
      const heartbeat = setInterval(() => void projector.renew(), 200);
      try {
        const refused = await sooc(['projections', 'rebuild'], env);
        expect(refused.exitCode).toBe(1);
        expect(refused.error).toMatch(/held by "projector-7".*stop that projector or gateway first, or pass --force/);
        const forced = await sooc(['projections', 'rebuild', '--force'], env);
        expect(forced.error).toBeNull();
        expect(forced.progress).toContain('warning: --force');
        expect((await projector.current())?.holder).toBe('projector-7');
      } finally {
        clearInterval(heartbeat);
        await projector.release();
      }
    });
  }, 15_000);

  it('takes over the lease of a crashed projector after its TTL', async () => {
    await withStores(async ({ readDatabase }) => {
      const crashed = new WorkerLease(readDatabase.db, { name: 'projector', holder: 'crashed-1', ttlMs: 1_000 });
      expect(await crashed.tryAcquire()).toBe(true);
    });
    const run = await sooc(['projections', 'rebuild'], env);
    expect(run.error).toBeNull();
    await withStores(async ({ readDatabase }) => {
      const lease = new WorkerLease(readDatabase.db, { name: 'projector', holder: 'x', ttlMs: 1_000 });
      expect(await lease.current()).toBeNull();
    });
  }, 15_000);
  it('compares at the live checkpoints: events not yet projected are no difference, a deleted row is', async () => {
    await withStores(async (stores) => {
      const seeder = new Seeder(stores.eventStore, () => new Date('2026-03-02T10:00:00.000Z'));
      await seeder.openCohort({ cohortId: 'c-3', capacity: 2, offerTtlHours: 48 });
      await seeder.submitAll('c-3', ['fay']);
    });
    const behind = await sooc(['projections', 'verify'], env);
    expect(behind.error).toBeNull();
    expect(behind.out[0]).toMatch(/no differences$/);

    await withStores(async ({ readDatabase }) => {
      await readDatabase.db.deleteFrom('cohort_dashboards').where('cohort_id', '=', 'c-1').execute();
    });
    const missing = await sooc(['projections', 'verify'], env);
    expect(missing.exitCode).toBe(1);
    expect(missing.out).toEqual(['cohort_dashboards "c-1": missing from the live read model (the events make it)']);
  });
});
