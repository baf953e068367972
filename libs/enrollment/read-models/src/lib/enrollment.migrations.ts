import type { Migration } from 'kysely/migration';

type Schema = Parameters<Migration['up']>[0]['schema'];

/**
 * Portable types only (text, varchar, integer), so the same migrations run on SQLite and
 * PostgreSQL: instants are ISO-8601 UTC text, positions 20-digit text, flags integer 0/1,
 * scores integer hundredths, JSON text.
 */
async function createApplications(schema: Schema): Promise<void> {
  await schema
    .createTable('applications')
    .addColumn('enrollment_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text')
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('prerequisites_met', 'text', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('unmet_prerequisites', 'text', (c) => c.notNull())
    .addColumn('selection_policy', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('submitted_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('submitted_position', 'varchar(20)', (c) => c.notNull())
    .addColumn('offer_expires_at', 'varchar(40)')
    .addColumn('promoted_from_waitlist', 'integer', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('attended_sessions', 'integer', (c) => c.notNull())
    .addColumn('reviews', 'text', (c) => c.notNull())
    .addColumn('review_count', 'integer', (c) => c.notNull())
    .addColumn('average_score', 'integer')
    .addColumn('decision', 'varchar(20)')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('decided_at', 'varchar(40)')
    .addColumn('decision_record', 'text')
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // One index per access path: reviewer lists by arrival or score (optionally by status), a learner's enrollments.
  await schema
    .createIndex('applications_cohort_status_submitted_ix')
    .on('applications')
    .columns(['cohort_id', 'status', 'submitted_position'])
    .execute();
  await schema
    .createIndex('applications_cohort_score_ix')
    .on('applications')
    .columns(['cohort_id', 'average_score'])
    .execute();
  await schema
    .createIndex('applications_learner_submitted_ix')
    .on('applications')
    .columns(['learner_id', 'submitted_position'])
    .execute();
}

async function createDueOffers(schema: Schema): Promise<void> {
  await schema
    .createTable('due_offers')
    .addColumn('enrollment_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // The reactor asks for the offers due by now, oldest first.
  await schema.createIndex('due_offers_expires_ix').on('due_offers').columns(['expires_at', 'enrollment_id']).execute();
}

const TABLES = ['due_offers', 'applications'];

/**
 * Read models are disposable, so this first migration was edited when the cohort tables
 * (seats, dashboards, groups, due closings) moved to `cohortsMigrations` and the rubrics to
 * `selectionMigrations`: those recreate their tables, and a database that ran the old version
 * keeps its `enrollment_0002_due_closings` as an applied migration nobody knows (a no-op).
 */
export const enrollmentMigrations: Record<string, Migration> = {
  enrollment_0001_applications_seats_dashboards: {
    async up(db) {
      await createApplications(db.schema);
      await createDueOffers(db.schema);
    },
    async down(db) {
      for (const table of TABLES) await db.schema.dropTable(table).execute();
    },
  },
  /**
   * Name and e-mail arrive with ApplicationSubmitted v2, and the dossier's text is sealed with the
   * learner's key: rows projected before held it in clear, so they go and are projected again
   * from the (rewritten) events. SQLite's secure_delete zeroes the freed bytes.
   */
  enrollment_0002_sealed_personal_data: {
    async up(db) {
      await db.schema.alterTable('applications').addColumn('name', 'text').execute();
      await db.schema.alterTable('applications').addColumn('email', 'text').execute();
      await db.deleteFrom('applications').execute();
      // A new database runs this before the runner's own migrations: no checkpoint to move then.
      if ((await db.introspection.getTables()).some((t) => t.name === 'projection_checkpoints'))
        await db.deleteFrom('projection_checkpoints').where('projection', '=', 'enrollment.applications').execute();
    },
    async down(db) {
      await db.schema.alterTable('applications').dropColumn('email').execute();
      await db.schema.alterTable('applications').dropColumn('name').execute();
    },
  },
  /** ApplicationSubmitted v3: the learner's consent to be named to their company. Nobody gave it before. */
  enrollment_0003_share_with_company: {
    async up(db) {
      await db.schema
        .alterTable('applications')
        .addColumn('share_with_company', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db) {
      await db.schema.alterTable('applications').dropColumn('share_with_company').execute();
    },
  },
};
