import type { Migration } from 'kysely/migration';

/** Portable types only, as every context's read models (text, varchar; instants ISO-8601 text, JSON text). */
export const complianceMigrations: Record<string, Migration> = {
  compliance_0001_audit_entries: {
    async up(db) {
      await db.schema
        .createTable('audit_entries')
        .addColumn('position', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('type', 'varchar(60)', (c) => c.notNull())
        .addColumn('stream_id', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'varchar(20)', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .addColumn('causation_id', 'text')
        .addColumn('cohort_id', 'text')
        .addColumn('learner_id', 'text')
        .addColumn('enrollment_id', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // Each filter of auditTrail walks its own index in position order.
      for (const column of ['cohort_id', 'learner_id', 'enrollment_id', 'correlation_id', 'actor_id'])
        await db.schema
          .createIndex(`audit_entries_${column}_ix`)
          .on('audit_entries')
          .columns([column, 'position'])
          .execute();
      await db.schema.createIndex('audit_entries_occurred_ix').on('audit_entries').columns(['occurred_at']).execute();
    },
    async down(db) {
      await db.schema.dropTable('audit_entries').execute();
    },
  },
  /** The trail's event data held dossiers in clear before personal data was sealed: projected again. */
  compliance_0002_sealed_personal_data: {
    async up(db) {
      await db.deleteFrom('audit_entries').execute();
      // A new database runs this before the runner's own migrations: no checkpoint to move then.
      if ((await db.introspection.getTables()).some((t) => t.name === 'projection_checkpoints'))
        await db.deleteFrom('projection_checkpoints').where('projection', '=', 'compliance.audit').execute();
    },
    async down() {
      // Nothing to undo: the trail is projected again either way.
    },
  },
};
