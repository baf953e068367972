/**
 * Run by migrate.spec.ts as a separate process (node --conditions=@sooc/source -r
 * tools/ts-register.cjs): migrates the database at argv[2] with a slow library migration, so two
 * such processes started together really overlap.
 */
import { migrateToLatest, type MigrationSet } from '../lib/migrate';
import { openReadDatabase } from '../lib/read-database';

const slowSet: MigrationSet = {
  racing_0001_widgets: {
    async up(db) {
      await db.schema
        .createTable('widgets')
        .addColumn('id', 'varchar(50)', (c) => c.primaryKey())
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
  },
};

async function main(): Promise<void> {
  const read = openReadDatabase(process.argv[2]);
  try {
    await migrateToLatest(read.db, [slowSet]);
  } finally {
    await read.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
