import type { Migration } from 'kysely/migration';

/**
 * What the projector committed, for the gateways that do not run it: one row per projection per
 * batch whose rows changed, so their subscriptions still hear every change (see
 * read-model-changes.log.ts). `seq` is the order of commits; `position` the batch's last global
 * position, as decimal text like the checkpoints. Old rows are pruned by the runner.
 */
export const readModelChangesMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('read_model_changes')
      // Assigned by the writer inside the batch's transaction, not by a sequence: see the log.
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('projection', 'varchar(200)', (c) => c.notNull())
      // JSON array of the row keys that changed.
      .addColumn('keys', 'text', (c) => c.notNull())
      .addColumn('position', 'varchar(20)', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('read_model_changes').execute();
  },
};
