import { migrateToLatest, openReadDatabase, type ReadDatabase, type ReadDatabaseOptions } from '@sooc/read-store';
import { sqliteFile } from './event-store.open';
import { allMigrationSets, READ_MODELS, type ReadModelSet } from './read-models.registry';

/**
 * Opens the read database and applies every pending migration of the registry before anyone
 * reads or projects; closes it again if migrating fails, so a failed start leaks no handle.
 */
export async function openMigratedReadDatabase(
  url: string,
  sets: readonly ReadModelSet[] = READ_MODELS,
  options: ReadDatabaseOptions = {},
): Promise<ReadDatabase> {
  if (url.startsWith('sqlite:')) sqliteFile(url);
  const readDatabase = openReadDatabase(url, options);
  try {
    await migrateToLatest(readDatabase.db, allMigrationSets(sets));
    return readDatabase;
  } catch (error) {
    await readDatabase.close();
    throw error;
  }
}
