import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { cohortsMigrations } from './cohorts.migrations';
import { Migrator } from 'kysely/migration';

describe.each(testDialects)('cohorts migrations on %s', (dialect) => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await migratedDatabase(dialect);
  });

  afterAll(() => database?.dispose());

  const tableNames = async () =>
    (await database.db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'))
      .sort();

  it('are prefixed with the library name, so they never clash when merged with other libraries', () => {
    expect(Object.keys(cohortsMigrations).every((name) => /^cohorts_\d{4}_/.test(name))).toBe(true);
  });

  it('create the courses and cohorts tables with the row columns', async () => {
    expect(await tableNames()).toEqual(['cohorts', 'courses']);
    const cohorts = (await database.db.introspection.getTables()).find((t) => t.name === 'cohorts')!;
    expect(cohorts.columns.map((c) => c.name).sort()).toEqual(
      [
        'cohort_id',
        'course_id',
        'title',
        'status',
        'capacity',
        'opens_at',
        'closes_at',
        'starts_on',
        'ends_on',
        'selection_policy',
        'planned_at',
        'updated_at',
        'plan_position',
        'last_position',
      ].sort(),
    );
  });

  it('migrate down and up again', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => cohortsMigrations } });
    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await tableNames()).toEqual([]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await tableNames()).toEqual(['cohorts', 'courses']);
  });
});
