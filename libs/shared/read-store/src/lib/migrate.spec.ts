import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkpointsOf } from '../testing/rows.testing';
import { dialects, testDatabase, type TestDatabase } from '../testing/test-databases';
import { loadCheckpoints, saveCheckpoints } from './checkpoint.store';
import { MigrationError, migrateToLatest, type MigrationSet } from './migrate';
import { openReadDatabase, type ReadDatabase } from './read-database';
import { readStoreMigrations } from './read-store.migrations';

/** The runner's own tables (checkpoints, leases, …), applied after the libraries' sets sorting before them. */
const RUNNER_TABLES = Object.keys(readStoreMigrations).sort();

const root = join(__dirname, '../../../../..');

const cohortsSet: MigrationSet = {
  cohorts_0001_dashboard: {
    async up(db) {
      await db.schema
        .createTable('cohort_dashboard')
        .addColumn('cohort_id', 'varchar(50)', (c) => c.primaryKey())
        .addColumn('seats', 'integer')
        .execute();
    },
  },
  cohorts_0002_title: {
    async up(db) {
      await db.schema.alterTable('cohort_dashboard').addColumn('title', 'text').execute();
    },
  },
};

function migrateInChildProcess(url: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@sooc/source',
        '-r',
        './tools/ts-register.cjs',
        'libs/shared/read-store/src/testing/migrate.child.ts',
        url,
      ],
      { cwd: root },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.each(dialects)('migrations on %s', (dialect) => {
  let target: TestDatabase;
  let read: ReadDatabase;

  beforeEach(async () => {
    target = await testDatabase(dialect);
    read = openReadDatabase(target.url);
  });
  afterEach(async () => {
    await read.close();
    await target.dispose();
  });

  it('applies the runner migrations and the libraries sets in name order, once', async () => {
    const first = await migrateToLatest(read.db, [cohortsSet]);
    expect(first.map((r) => [r.migrationName, r.status])).toEqual([
      ['cohorts_0001_dashboard', 'Success'],
      ['cohorts_0002_title', 'Success'],
      ...RUNNER_TABLES.map((name) => [name, 'Success']),
    ]);
    await read.db.insertInto('cohort_dashboard').values({ cohort_id: 'c1', seats: 3, title: 'Intro' }).execute();
    expect(await migrateToLatest(read.db, [cohortsSet])).toEqual([]);
    expect(await read.db.selectFrom('cohort_dashboard').selectAll().execute()).toEqual([
      { cohort_id: 'c1', seats: 3, title: 'Intro' },
    ]);
  });

  it('applies a set registered later even when its names sort before applied ones', async () => {
    await migrateToLatest(read.db, [cohortsSet]);
    const later: MigrationSet = {
      audit_0001_trail: { up: (db) => db.schema.createTable('audit_trail').addColumn('id', 'text').execute() },
    };
    const results = await migrateToLatest(read.db, [cohortsSet, later]);
    expect(results.map((r) => r.migrationName)).toEqual(['audit_0001_trail']);
  });

  it("leaves alone what another process's sets applied: a worker migrating fewer sets, or an older version during an upgrade", async () => {
    await migrateToLatest(read.db, [cohortsSet]);
    const reactorLike: MigrationSet = {
      enrollment_0001_due: { up: (db) => db.schema.createTable('due').addColumn('id', 'text').execute() },
    };
    const results = await migrateToLatest(read.db, [reactorLike]);
    expect(results.map((r) => [r.migrationName, r.status])).toEqual([['enrollment_0001_due', 'Success']]);
    expect(await migrateToLatest(read.db, [])).toEqual([]);
    expect(await read.db.selectFrom('cohort_dashboard').selectAll().execute()).toEqual([]);
  });

  it('refuses two migrations with the same name', async () => {
    const clash: MigrationSet = { cohorts_0001_dashboard: { up: async () => undefined } };
    await expect(migrateToLatest(read.db, [cohortsSet, clash])).rejects.toThrow(
      /"cohorts_0001_dashboard" is declared twice/,
    );
  });

  it('throws an error naming the migration that failed, and applies none of that run', async () => {
    const broken: MigrationSet = {
      broken_0001_bad_sql: { up: (db) => db.schema.alterTable('no_such_table').addColumn('x', 'text').execute() },
    };
    const failure = await migrateToLatest(read.db, [cohortsSet, broken]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).message).toMatch(/Migration "broken_0001_bad_sql" failed: .*no_such_table/);
    expect(await migrateToLatest(read.db, [cohortsSet])).toHaveLength(2 + RUNNER_TABLES.length);
  });

  it('stores checkpoints up to 2^64 - 1 exactly', async () => {
    await migrateToLatest(read.db);
    const huge = 2n ** 64n - 1n;
    await saveCheckpoints(read.db, ['a', 'b'], 2n ** 63n);
    await saveCheckpoints(read.db, ['b'], huge);
    expect(await loadCheckpoints(read.db, ['a', 'b', 'c'])).toEqual(
      new Map([
        ['a', 2n ** 63n],
        ['b', huge],
      ]),
    );
    expect(await checkpointsOf(read.db)).toEqual({ a: (2n ** 63n).toString(), b: huge.toString() });
  });

  it('survives two processes migrating the same database at once', async () => {
    await read.close();
    const runs = await Promise.all([migrateInChildProcess(target.url), migrateInChildProcess(target.url)]);
    expect(runs.map((r) => (r.code === 0 ? 'ok' : r.stderr))).toEqual(['ok', 'ok']);
    read = openReadDatabase(target.url);
    const applied = await read.db.selectFrom('read_store_migration').select('name').orderBy('name').execute();
    expect(applied.map((r) => r.name)).toEqual(['racing_0001_widgets', ...RUNNER_TABLES]);
  }, 30_000);
});
