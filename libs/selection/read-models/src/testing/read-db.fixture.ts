import { migrateToLatest, openReadDatabase, type ReadDialect } from '@sooc/read-store';
import { dialects, testDatabase } from '@sooc/read-store/testing';
import type { Kysely } from 'kysely';
import type { SelectionDatabase } from '../lib/selection.database';
import { selectionMigrations } from '../lib/selection.migrations';

export const testDialects: readonly ReadDialect[] = dialects;

export interface ReadDbFixture {
  readonly db: Kysely<SelectionDatabase>;
  dispose(): Promise<void>;
}

/**
 * A read database opened as the apps open it (a temp SQLite file, or a database of its own on the
 * PostgreSQL that tools/embedded-postgres starts for the jest run), with the read store's and this
 * library's migrations applied.
 */
export async function migratedDatabase(dialect: ReadDialect): Promise<ReadDbFixture> {
  const target = await testDatabase(dialect);
  const read = openReadDatabase(target.url);
  const db = read.db as Kysely<SelectionDatabase>;
  const dispose = async () => {
    await read.close();
    await target.dispose();
  };
  try {
    await migrateToLatest(db, [selectionMigrations]);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { db, dispose };
}
