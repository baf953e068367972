import type { Migration } from 'kysely/migration';

type Schema = Parameters<Migration['up']>[0]['schema'];

/** The tables of cohorts_0002; they lived in the enrollment library until they moved here. */
const MOVED_TABLES = ['cohort_seats', 'cohort_dashboards', 'cohort_groups', 'due_closings'] as const;

async function createSeatsAndApplications(schema: Schema): Promise<void> {
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
  await schema
    .createTable('cohort_applications')
    .addColumn('enrollment_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // The dashboard counts a cohort's applications per company and status.
  await schema
    .createIndex('cohort_applications_cohort_ix')
    .on('cohort_applications')
    .columns(['cohort_id', 'company_id', 'status'])
    .execute();
}

async function createDashboardsGroupsAndClosings(schema: Schema): Promise<void> {
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
    .addColumn('blind', 'integer', (c) => c.notNull())
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
    .createTable('due_closings')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey())
    .addColumn('closes_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
    .execute();
  // The reactor asks for the windows ended by now, oldest first.
  await schema.createIndex('due_closings_closes_ix').on('due_closings').columns(['closes_at', 'cohort_id']).execute();
}

/**
 * Portable types only (text, varchar, integer), so the same migrations run on SQLite and
 * PostgreSQL. Instants are ISO-8601 UTC text and positions fixed-width digits: both sort
 * correctly as text under any collation. Ids are unbounded text: the domain sets no length.
 */
export const cohortsMigrations: Record<string, Migration> = {
  cohorts_0001_courses_and_cohorts: {
    async up(db) {
      await db.schema
        .createTable('courses')
        .addColumn('course_id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('language', 'varchar(35)', (c) => c.notNull())
        .addColumn('topics', 'text', (c) => c.notNull())
        .addColumn('prerequisites', 'text', (c) => c.notNull())
        .addColumn('selection_policy', 'varchar(20)', (c) => c.notNull())
        .addColumn('default_capacity', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('drafted_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cohorts')
        .addColumn('cohort_id', 'text', (c) => c.primaryKey())
        .addColumn('course_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('opens_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('closes_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('selection_policy', 'varchar(20)', (c) => c.notNull())
        .addColumn('planned_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('plan_position', 'varchar(20)', (c) => c.notNull())
        .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
        .execute();

      // Lists page in plan order, optionally filtered by status or course: one index per access path.
      await db.schema.createIndex('cohorts_plan_position_uq').on('cohorts').column('plan_position').unique().execute();
      await db.schema
        .createIndex('cohorts_status_plan_position_ix')
        .on('cohorts')
        .columns(['status', 'plan_position'])
        .execute();
      await db.schema
        .createIndex('cohorts_course_plan_position_ix')
        .on('cohorts')
        .columns(['course_id', 'plan_position'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('cohorts').execute();
      await db.schema.dropTable('courses').execute();
    },
  },
  /**
   * The cohort's seats, dashboard, groups and due closings moved here from the enrollment library,
   * with the dashboard's own application counts (`cohort_applications`) and blind flag. Read
   * models are disposable: the old tables are dropped and recreated empty, and their projections
   * got new names (`cohorts.*`, `reactor.cohort-due-closings`) so they rebuild from the start.
   */
  cohorts_0002_seats_dashboards_groups_closings: {
    async up(db) {
      // Dropping a table drops its indexes, whose names the new tables reuse.
      for (const table of MOVED_TABLES) await db.schema.dropTable(table).ifExists().execute();
      await createSeatsAndApplications(db.schema);
      await createDashboardsGroupsAndClosings(db.schema);
    },
    async down(db) {
      for (const table of [...MOVED_TABLES, 'cohort_applications']) await db.schema.dropTable(table).execute();
    },
  },
};
