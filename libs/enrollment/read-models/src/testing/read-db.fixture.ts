import { migrateToLatest, openReadDatabase, type ReadDialect } from '@sooc/read-store';
import { dialects, testDatabase } from '@sooc/read-store/testing';
import type { Kysely } from 'kysely';
import type { EnrollmentDatabase } from '../lib/enrollment.read-model';
import { enrollmentMigrations } from '../lib/enrollment.migrations';

export const testDialects: readonly ReadDialect[] = dialects;

export interface ReadDbFixture {
  readonly db: Kysely<EnrollmentDatabase>;
  dispose(): Promise<void>;
}

/**
 * An empty read database opened as the apps open it: a temp SQLite file, or a database of its own
 * on the PostgreSQL that tools/embedded-postgres starts for the jest run.
 */
export async function emptyDatabase(dialect: ReadDialect): Promise<ReadDbFixture> {
  const target = await testDatabase(dialect);
  const read = openReadDatabase(target.url);
  return {
    db: read.db as Kysely<EnrollmentDatabase>,
    dispose: async () => {
      await read.close();
      await target.dispose();
    },
  };
}

/** The same, with the read store's and this library's migrations applied. */
export async function migratedDatabase(dialect: ReadDialect): Promise<ReadDbFixture> {
  const fixture = await emptyDatabase(dialect);
  await migrateToLatest(fixture.db, [enrollmentMigrations]);
  return fixture;
}
