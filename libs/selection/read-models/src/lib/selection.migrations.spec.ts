import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { emptyDatabase, migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { selectionMigrations } from './selection.migrations';

const COLUMNS = ['cohort_id', 'version', 'criteria', 'blind', 'reviews_required', 'defined_at', 'last_position'].sort();

describe.each(testDialects)('selection migrations on %s', (dialect) => {
  const rubricColumns = async (db: ReadDbFixture['db']) =>
    (await db.introspection.getTables())
      .find((t) => t.name === 'selection_rubrics')
      ?.columns.map((c) => c.name)
      .sort();

  it('are prefixed with the library name, so they never clash when merged with other libraries', () => {
    expect(Object.keys(selectionMigrations).every((name) => /^selection_\d{4}_/.test(name))).toBe(true);
  });

  it('create the rubrics table with the row columns, next to the read store’s own', async () => {
    const fx = await migratedDatabase(dialect);
    try {
      expect(await rubricColumns(fx.db)).toEqual(COLUMNS);
    } finally {
      await fx.dispose();
    }
  });

  it('migrate down and up again, replacing the table the enrollment library created before the move', async () => {
    const fx = await emptyDatabase(dialect);
    try {
      const migrator = new Migrator({ db: fx.db, provider: { getMigrations: async () => selectionMigrations } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await rubricColumns(fx.db)).toEqual(COLUMNS);
      expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await rubricColumns(fx.db)).toBeUndefined();
      await fx.db.schema.createTable('selection_rubrics').addColumn('old_column', 'text').execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await rubricColumns(fx.db)).toEqual(COLUMNS);
    } finally {
      await fx.dispose();
    }
  });
});
