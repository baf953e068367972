import type { Migration } from 'kysely/migration';

/**
 * Portable types only (text, varchar, integer), so the same migrations run on SQLite and
 * PostgreSQL: instants are ISO-8601 UTC text, positions 20-digit text, flags integer 0/1, JSON text.
 */
export const selectionMigrations: Record<string, Migration> = {
  /**
   * The rubrics moved here from the enrollment library. Read models are disposable: the old table
   * is dropped and recreated empty, and its projection got a new name (`selection.rubric`), so it
   * rebuilds from the start of the store.
   */
  selection_0001_rubrics: {
    async up(db) {
      await db.schema.dropTable('selection_rubrics').ifExists().execute();
      await db.schema
        .createTable('selection_rubrics')
        .addColumn('cohort_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('criteria', 'text', (c) => c.notNull())
        .addColumn('blind', 'integer', (c) => c.notNull())
        .addColumn('reviews_required', 'integer', (c) => c.notNull())
        .addColumn('defined_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('last_position', 'varchar(20)', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('selection_rubrics').execute();
    },
  },
};
