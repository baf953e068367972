import { errorMessage } from '@sooc/util';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { ReadDb } from './read-database';
import { readStoreMigrations } from './read-store.migrations';

/** One read-model library's migrations; names must be unique across libraries (prefix them). */
export type MigrationSet = Readonly<Record<string, Migration>>;

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function mergeMigrations(sets: readonly MigrationSet[]): Record<string, Migration> {
  const merged: Record<string, Migration> = {};
  for (const set of [readStoreMigrations, ...sets]) {
    for (const [name, migration] of Object.entries(set)) {
      if (name in merged)
        throw new MigrationError(
          `Migration "${name}" is declared twice: prefix migration names with their library (e.g. cohorts_0001_…)`,
          [],
        );
      merged[name] = migration;
    }
  }
  return merged;
}

const SQLITE_BUSY_RETRIES = 20;

/**
 * Applies the runner's and the given libraries' pending migrations; a second run is a no-op.
 * Two processes at once: on PostgreSQL Kysely serialises them with an advisory lock. On SQLite
 * its lock is a no-op and a deferred transaction that loses the race fails with SQLITE_BUSY
 * (WAL gives no wait on a stale snapshot), so we retry: the retry finds the work done.
 */
export async function migrateToLatest(
  db: ReadDb,
  sets: readonly MigrationSet[] = [],
): Promise<readonly MigrationResult[]> {
  const ours = mergeMigrations(sets);
  let migrations = withAppliedElsewhere(ours, await appliedNames(db));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'read_store_migration',
    migrationLockTableName: 'read_store_migration_lock',
    // Sets come from independent libraries: a library added later may sort before applied ones.
    allowUnorderedMigrations: true,
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  });
  for (let attempt = 0; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) return results;
    if ((isSqliteBusy(error) || isMissingMigration(error)) && attempt < SQLITE_BUSY_RETRIES) {
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
      // Another process may have applied migrations we do not know between our read and its run.
      migrations = withAppliedElsewhere(ours, await appliedNames(db));
      continue;
    }
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const reason = errorMessage(error);
    throw new MigrationError(
      failed ? `Migration "${failed}" failed: ${reason}` : `Migrating the read database failed: ${reason}`,
      results,
      error,
    );
  }
}

/**
 * Processes sharing one read database migrate different sets (the reactor only needs its own
 * tables) and, during a rolling upgrade, different versions: a migration another process applied
 * is not ours to undo or to refuse. Kysely calls an applied migration it cannot find "corrupted";
 * we hand it an already-applied no-op under that name instead.
 */
function withAppliedElsewhere(ours: Record<string, Migration>, applied: readonly string[]): Record<string, Migration> {
  const unknown = applied.filter((name) => !(name in ours));
  if (unknown.length === 0) return ours;
  return { ...ours, ...Object.fromEntries(unknown.map((name) => [name, APPLIED_ELSEWHERE])) };
}

const APPLIED_ELSEWHERE: Migration = { up: async () => undefined };

async function appliedNames(db: ReadDb): Promise<string[]> {
  try {
    const rows = await db.selectFrom('read_store_migration').select('name').execute();
    return rows.map((r: { name: string }) => r.name);
  } catch {
    // First start on this database: the table does not exist yet, nothing was applied.
    return [];
  }
}

function isMissingMigration(error: unknown): boolean {
  return error instanceof Error && /corrupted migrations/i.test(error.message);
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
