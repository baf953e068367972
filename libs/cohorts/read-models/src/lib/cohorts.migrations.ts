import type { Migration } from 'kysely/migration';

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
};
