import { emptyDatabase, migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { cohortsMigrations } from './cohorts.migrations';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';

const TABLES = [
  'cohort_applications',
  'cohort_dashboards',
  'cohort_groups',
  'cohort_seats',
  'cohorts',
  'courses',
  'due_closings',
];

describe.each(testDialects)('cohorts migrations on %s', (dialect) => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await migratedDatabase(dialect);
  });

  afterAll(() => database?.dispose());

  const tableNames = async (db = database.db) =>
    (await db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => TABLES.includes(n))
      .sort();

  it('are prefixed with the library name, so they never clash when merged with other libraries', () => {
    expect(Object.keys(cohortsMigrations).every((name) => /^cohorts_\d{4}_/.test(name))).toBe(true);
  });

  it('create the courses and cohorts tables with the row columns', async () => {
    expect(await tableNames()).toEqual(TABLES);
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

  it('create the seat ledger with the row columns', async () => {
    const seats = (await database.db.introspection.getTables()).find((t) => t.name === 'cohort_seats')!;
    expect(seats.columns.map((c) => c.name).sort()).toEqual(
      [
        'enrollment_id',
        'cohort_id',
        'learner_id',
        'company_id',
        'pool',
        'level',
        'status',
        'score',
        'waitlisted_position',
        'waitlisted_at',
        'offer_expires_at',
        'promoted',
        'updated_at',
        'last_position',
      ].sort(),
    );
  });

  it('migrate down and up again', async () => {
    const fx = await emptyDatabase(dialect);
    try {
      const migrator = new Migrator({ db: fx.db, provider: { getMigrations: async () => cohortsMigrations } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await tableNames(fx.db)).toEqual(TABLES);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await tableNames(fx.db)).toEqual(['cohorts', 'courses']);
      expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await tableNames(fx.db)).toEqual([]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await tableNames(fx.db)).toEqual(TABLES);
    } finally {
      await fx.dispose();
    }
  });

  it('replace the tables the enrollment library used to create, whatever they held', async () => {
    const fx = await emptyDatabase(dialect);
    try {
      // As enrollment_0001 created them before the move: dropped and created again, empty.
      for (const table of ['cohort_seats', 'cohort_dashboards', 'cohort_groups', 'due_closings'])
        await fx.db.schema.createTable(table).addColumn('old_column', 'text').execute();
      await fx.db.schema.createIndex('cohort_seats_cohort_status_ix').on('cohort_seats').column('old_column').execute();
      const migrator = new Migrator({ db: fx.db, provider: { getMigrations: async () => cohortsMigrations } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const dashboards = (await fx.db.introspection.getTables()).find((t) => t.name === 'cohort_dashboards')!;
      expect(dashboards.columns.map((c) => c.name)).toContain('blind');
      expect(dashboards.columns.map((c) => c.name)).not.toContain('old_column');
    } finally {
      await fx.dispose();
    }
  });
});
