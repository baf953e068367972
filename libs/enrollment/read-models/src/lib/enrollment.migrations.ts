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

async function createCohortSeats(schema: Schema): Promise<void> {
  await schema
    .createTable('cohort_seats')
    .addColumn('enrollment_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text')
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('waitlisted_position', 'varchar(20)')
    .addColumn('waitlisted_at', 'varchar(40)')
    .addColumn('offer_expires_at', 'varchar(40)')
    .addColumn('promoted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // The dashboard counts seats per status and company, and reads the waitlist in order.
  await schema
    .createIndex('cohort_seats_cohort_status_ix')
    .on('cohort_seats')
    .columns(['cohort_id', 'status', 'waitlisted_position'])
    .execute();
}

async function createCohortTables(schema: Schema): Promise<void> {
  await schema
    .createTable('cohort_dashboards')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('selection_policy', 'varchar(20)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('quotas', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('waitlist_order', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  await schema
    .createTable('cohort_groups')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey())
    .addColumn('formation', 'integer', (c) => c.notNull())
    .addColumn('target_size', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('formed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  await schema
    .createTable('selection_rubrics')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('blind', 'integer', (c) => c.notNull())
    .addColumn('reviews_required', 'integer', (c) => c.notNull())
    .addColumn('defined_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
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

async function createDueClosings(schema: Schema): Promise<void> {
  await schema
    .createTable('due_closings')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey())
    .addColumn('closes_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // The reactor asks for the windows ended by now, oldest first.
  await schema.createIndex('due_closings_closes_ix').on('due_closings').columns(['closes_at', 'cohort_id']).execute();
}

const TABLES = [
  'due_offers',
  'selection_rubrics',
  'cohort_groups',
  'cohort_dashboards',
  'cohort_seats',
  'applications',
];

export const enrollmentMigrations: Record<string, Migration> = {
  enrollment_0001_applications_seats_dashboards: {
    async up(db) {
      await createApplications(db.schema);
      await createCohortSeats(db.schema);
      await createCohortTables(db.schema);
      await createDueOffers(db.schema);
    },
    async down(db) {
      for (const table of TABLES) await db.schema.dropTable(table).execute();
    },
  },
  enrollment_0002_due_closings: {
    async up(db) {
      await createDueClosings(db.schema);
    },
    async down(db) {
      await db.schema.dropTable('due_closings').execute();
    },
  },
};
