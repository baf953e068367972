import type { Migration } from 'kysely/migration';
import { readModelChangesMigration } from './read-model-changes.migration';
import { workerLeasesMigration } from './worker-leases.migration';

/**
 * The runner's own tables. Positions are stored as decimal text: EventStoreDB positions are
 * unsigned 64-bit, which neither SQLite's signed INTEGER nor a JavaScript number can hold.
 */
export const readStoreMigrations: Record<string, Migration> = {
  read_store_0001_projection_checkpoints: {
    async up(db) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('projection', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('position', 'varchar(20)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('projection_checkpoints').execute();
    },
  },
  read_store_0002_worker_leases: workerLeasesMigration,
  read_store_0003_read_model_changes: readModelChangesMigration,
};
