import type { Migration } from 'kysely/migration';

/**
 * One row per singleton worker (projector, reactor, …): who holds it and a heartbeat counter the
 * holder bumps. Standbys judge expiry by how long the counter has not moved on their own
 * monotonic clock, so machines with skewed clocks still agree on who is alive. The timestamps
 * are for the humans reading the table, never compared.
 */
export const workerLeasesMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('worker_leases')
      .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('holder', 'varchar(200)', (c) => c.notNull())
      // Bumped on every takeover: tells the logs (and a fenced write) which tenure did what.
      .addColumn('generation', 'bigint', (c) => c.notNull())
      .addColumn('heartbeat', 'bigint', (c) => c.notNull())
      .addColumn('acquired_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('renewed_at', 'varchar(40)', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('worker_leases').execute();
  },
};
