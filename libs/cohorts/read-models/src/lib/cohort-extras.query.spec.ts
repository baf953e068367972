import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { projectScenario } from '../testing/scenario.fixture';
import { findGroups, seatLedger } from './cohort-extras.query';
import { cohortsTouched } from './cohorts-touched.query';

describe.each(testDialects)('cohort lookups on %s', (dialect) => {
  let fx: MigratedDatabase;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db);
  });

  afterAll(() => fx?.dispose());

  it('finds the latest groups of a cohort, null when it has none', async () => {
    expect(await findGroups(fx.db, 'c1')).toEqual({
      cohortId: 'c1',
      formation: 1,
      targetSize: 2,
      seed: 'seed-1',
      groups: [
        {
          groupId: 'g1',
          members: [expect.objectContaining({ learnerId: 'a1' }), expect.objectContaining({ learnerId: 'a2' })],
        },
      ],
      formedAt: expect.any(String),
    });
    expect(await findGroups(fx.db, 'c2')).toBeNull();
  });

  it('lists every line of a cohort’s seat ledger', async () => {
    const ledger = await seatLedger(fx.db, 'c1');
    expect(ledger.map((s) => [s.learnerId, s.status])).toEqual([
      ['a1', 'confirmed'],
      ['a2', 'reserved'],
      ['g1', 'waitlisted'],
      ['g2', 'waitlisted'],
      ['i1', 'reserved'],
      ['i2', 'waitlisted'],
      ['i3', 'waitlisted'],
      ['i4', 'waitlisted'],
      ['w1', 'released'],
    ]);
    expect(ledger.find((s) => s.learnerId === 'g1')).toMatchObject({
      pool: 'globex',
      score: 85,
      promoted: false,
      offerExpiresAt: null,
    });
    expect(await seatLedger(fx.db, 'c2')).toEqual([]);
  });

  it('names the cohorts whose dashboard a committed change touches', async () => {
    expect(
      await cohortsTouched(fx.db, {
        projection: 'cohorts.dashboard-applications',
        keys: ['c1-a1', 'c2-a1', 'c1-a2', 'gone'],
      }),
    ).toEqual(['c1', 'c2']);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.seat-ledger', keys: ['c1-g1', 'c1-i1'] })).toEqual([
      'c1',
    ]);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.dashboard', keys: ['c2', 'c1', 'c2'] })).toEqual([
      'c1',
      'c2',
    ]);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.groups', keys: ['c1'] })).toEqual(['c1']);
    // The rubric's blind flag reaches the dashboard through its own row: the rubric's table is not the dashboard's.
    expect(await cohortsTouched(fx.db, { projection: 'selection.rubric', keys: ['c1'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'enrollment.applications', keys: ['c1-a1'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'reactor.due-offers', keys: ['c1-a2'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.cohort-list', keys: ['c1'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.dashboard-applications', keys: [] })).toEqual([]);
  });

  it('looks up more enrollment ids than fit one statement', async () => {
    const keys = [...Array.from({ length: 1_200 }, (_, i) => `missing-${i}`), 'c2-a1'];
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.dashboard-applications', keys })).toEqual(['c2']);
  });
});
