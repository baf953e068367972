import { migrateToLatest, openReadDatabase, type ReadDialect } from '@sooc/read-store';
import { dialects, testDatabase } from '@sooc/read-store/testing';
import type { Kysely } from 'kysely';
import type { CohortsDatabase } from '../lib/cohorts.read-model';
import { cohortsMigrations } from '../lib/cohorts.migrations';

export type TestDialect = ReadDialect;
export const testDialects: readonly TestDialect[] = dialects;

export interface MigratedDatabase {
  readonly db: Kysely<CohortsDatabase>;
  dispose(): Promise<void>;
}

/**
 * An empty read database opened as the apps open it: a temp SQLite file, or a database of its own
 * on the PostgreSQL that tools/embedded-postgres starts for the jest run.
 */
export async function emptyDatabase(dialect: TestDialect): Promise<MigratedDatabase> {
  const target = await testDatabase(dialect);
  const read = openReadDatabase(target.url);
  return {
    db: read.db as Kysely<CohortsDatabase>,
    dispose: async () => {
      await read.close();
      await target.dispose();
    },
  };
}

/** The same, with the read store's and this library's migrations applied. */
export async function migratedDatabase(dialect: TestDialect): Promise<MigratedDatabase> {
  const fixture = await emptyDatabase(dialect);
  await migrateToLatest(fixture.db, [cohortsMigrations]);
  return fixture;
}
