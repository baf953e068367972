import type { Migration } from 'kysely/migration';

/**
 * Portable types only (text, varchar, integer; instants ISO-8601 text, JSON text). The first four
 * tables are projections (rebuilt from the events); the webhook_* ones are the delivery worker's
 * own state, which a rebuild leaves alone: what was delivered stays delivered.
 */
export const partnersMigrations: Record<string, Migration> = {
  partners_0001_feed_and_deliveries: {
    async up(db) {
      await db.schema
        .createTable('partners')
        .addColumn('partner_id', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('company_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('registered_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('partners_company_ix').on('partners').column('company_id').execute();
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('endpoint_key', 'varchar(260)', (c) => c.primaryKey())
        .addColumn('endpoint_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('partner_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('event_types', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('disabled_reason', 'text')
        .addColumn('added_position', 'varchar(20)', (c) => c.notNull())
        .addColumn('replay_id', 'text')
        .addColumn('replay_from_position', 'varchar(20)')
        .addColumn('replay_from_time', 'varchar(40)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_endpoints_partner_ix')
        .on('webhook_endpoints')
        .column('partner_id')
        .execute();
      await db.schema
        .createTable('partner_enrollments')
        .addColumn('enrollment_id', 'varchar(300)', (c) => c.primaryKey())
        .addColumn('cohort_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('learner_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('company_id', 'varchar(128)')
        .addColumn('share_with_company', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('partner_enrollments_company_ix')
        .on('partner_enrollments')
        .columns(['company_id', 'cohort_id'])
        .execute();
      await db.schema
        .createTable('partner_feed')
        .addColumn('position', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('type', 'varchar(100)', (c) => c.notNull())
        .addColumn('cohort_id', 'varchar(128)')
        .addColumn('enrollment_id', 'varchar(300)')
        .addColumn('time', 'varchar(40)', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('partner_feed_enrollment_ix').on('partner_feed').column('enrollment_id').execute();
      await db.schema.createIndex('partner_feed_time_ix').on('partner_feed').column('time').execute();
      await db.schema
        .createTable('webhook_cursors')
        .addColumn('endpoint_key', 'varchar(260)', (c) => c.primaryKey())
        .addColumn('position', 'varchar(20)', (c) => c.notNull())
        .addColumn('replay_id', 'text')
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('failing_since', 'varchar(40)')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createTable('webhook_messages')
        .addColumn('endpoint_key', 'varchar(260)', (c) => c.notNull())
        .addColumn('position', 'varchar(20)', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('type', 'varchar(100)', (c) => c.notNull())
        .addColumn('cohort_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'varchar(40)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('last_attempt_at', 'varchar(40)')
        .addColumn('delivered_at', 'varchar(40)')
        .addPrimaryKeyConstraint('webhook_messages_pk', ['endpoint_key', 'position', 'generation'])
        .execute();
      // The worker's question: each endpoint's pending messages, per cohort, oldest first.
      await db.schema
        .createIndex('webhook_messages_pending_ix')
        .on('webhook_messages')
        .columns(['endpoint_key', 'status', 'cohort_id', 'position'])
        .execute();
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('endpoint_key', 'varchar(260)', (c) => c.notNull())
        .addColumn('position', 'varchar(20)', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'varchar(40)', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('response', 'text')
        .addPrimaryKeyConstraint('webhook_attempts_pk', ['endpoint_key', 'position', 'generation', 'attempt'])
        .execute();
    },
    async down(db) {
      for (const table of [
        'webhook_attempts',
        'webhook_messages',
        'webhook_cursors',
        'partner_feed',
        'partner_enrollments',
        'webhook_endpoints',
        'partners',
      ])
        await db.schema.dropTable(table).execute();
    },
  },
  /**
   * The trace an event was written in (its metadata's W3C traceparent, tracing on), kept with the
   * feed entry and its messages so a delivery's span joins the request that caused it, even when
   * the message is sent hours later from another process. Null for events written untraced.
   */
  partners_0002_traceparent: {
    async up(db) {
      await db.schema.alterTable('partner_feed').addColumn('traceparent', 'varchar(60)').execute();
      await db.schema.alterTable('webhook_messages').addColumn('traceparent', 'varchar(60)').execute();
    },
    async down(db) {
      await db.schema.alterTable('webhook_messages').dropColumn('traceparent').execute();
      await db.schema.alterTable('partner_feed').dropColumn('traceparent').execute();
    },
  },
};
