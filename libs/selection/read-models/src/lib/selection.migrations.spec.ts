import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { migratedDatabase, testDialects } from '../testing/read-db.fixture';
import { selectionMigrations } from './selection.migrations';

describe.each(testDialects)('selection migrations on %s', (dialect) => {
  const rubricColumns = async (db: Awaited<ReturnType<typeof migratedDatabase>>['db']) =>
    (await db.introspection.getTables())
      .find((t) => t.name === 'selection_rubrics')
      ?.columns.map((c) => c.name)
      .sort();

  it('are prefixed with the library name, so they never clash when merged with other libraries', () => {
    expect(Object.keys(selectionMigrations).every((name) => /^selection_\d{4}_/.test(name))).toBe(true);
  });

  it('create the rubrics table with the row columns, and migrate down and up again', async () => {
    const fx = await migratedDatabase(dialect);
    try {
      const columns = [
        'cohort_id',
        'version',
        'criteria',
        'blind',
        'reviews_required',
        'defined_at',
        'last_position',
      ].sort();
      expect(await rubricColumns(fx.db)).toEqual(columns);
      const migrator = new Migrator({ db: fx.db, provider: { getMigrations: async () => selectionMigrations } });
      expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await rubricColumns(fx.db)).toBeUndefined();
      // The enrollment library created the table before the move: it is replaced, whatever it held.
      await fx.db.schema.createTable('selection_rubrics').addColumn('old_column', 'text').execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await rubricColumns(fx.db)).toEqual(columns);
    } finally {
      await fx.dispose();
    }
  });
});
