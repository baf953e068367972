import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { emptyDatabase, migratedDatabase, testDialects } from '../testing/read-db.fixture';
import { enrollmentMigrations } from './enrollment.migrations';

const TABLES = ['applications', 'due_offers'];

describe.each(testDialects)('enrollment migrations on %s', (dialect) => {
  it('are prefixed with the library name, so they never clash when merged with other libraries', () => {
    expect(Object.keys(enrollmentMigrations).every((name) => /^enrollment_\d{4}_/.test(name))).toBe(true);
  });

  it('create the tables with the row columns, next to the read store’s own', async () => {
    const fx = await migratedDatabase(dialect);
    try {
      const tables = await fx.db.introspection.getTables();
      expect(
        tables
          .map((t) => t.name)
          .filter((n) => TABLES.includes(n))
          .sort(),
      ).toEqual(TABLES);
    } finally {
      await fx.dispose();
    }
  });

  it('migrate down and up again', async () => {
    const fx = await emptyDatabase(dialect);
    try {
      const migrator = new Migrator({ db: fx.db, provider: { getMigrations: async () => enrollmentMigrations } });
      const names = async () =>
        (await fx.db.introspection.getTables())
          .map((t) => t.name)
          .filter((n) => !n.startsWith('kysely_'))
          .sort();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await names()).toEqual(TABLES);
      // The last migration only adds columns: one step down keeps the tables.
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await names()).toEqual(TABLES);
      expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await names()).toEqual([]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await names()).toEqual(TABLES);
    } finally {
      await fx.dispose();
    }
  });
});
