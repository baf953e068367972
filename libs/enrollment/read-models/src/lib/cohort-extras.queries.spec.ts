import { projectScenario } from '../testing/cohort-scenario.fixture';
import { migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { dueOffers, findGroups, findRubric, seatLedger } from './cohort-extras.queries';
import { cohortsTouched } from './cohorts-touched.query';

describe.each(testDialects)('cohort lookups on %s', (dialect) => {
  let fx: ReadDbFixture;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db);
  });

  afterAll(() => fx?.dispose());

  it('finds the latest groups and rubric of a cohort, null when it has none', async () => {
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
    expect(await findRubric(fx.db, 'c1')).toMatchObject({
      version: 1,
      blind: true,
      reviewsRequired: 2,
      criteria: [{ id: 'motivation', label: 'Motivation', weight: 2 }, expect.anything()],
    });
    expect(await findGroups(fx.db, 'c2')).toBeNull();
    expect(await findRubric(fx.db, 'c2')).toBeNull();
  });

  it('lists offers due by a time, oldest first; accepted and withdrawn offers are not due', async () => {
    expect(await dueOffers(fx.db, '2026-03-01T00:00:00.000Z', 10)).toEqual([]);
    expect(await dueOffers(fx.db, '2026-03-18T08:00:00.000Z', 10)).toEqual([
      { enrollmentId: 'c1-i1', cohortId: 'c1', learnerId: 'i1', expiresAt: '2026-03-18T08:00:00.000Z' },
    ]);
    expect((await dueOffers(fx.db, '2026-04-01T00:00:00.000Z', 10)).map((o) => o.learnerId)).toEqual(['i1', 'a2']);
    expect((await dueOffers(fx.db, '2026-04-01T00:00:00.000Z', 1)).map((o) => o.learnerId)).toEqual(['i1']);
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
      await cohortsTouched(fx.db, { projection: 'enrollment.applications', keys: ['c1-a1', 'c2-a1', 'c1-a2', 'gone'] }),
    ).toEqual(['c1', 'c2']);
    expect(await cohortsTouched(fx.db, { projection: 'enrollment.seat-ledger', keys: ['c1-g1', 'c1-i1'] })).toEqual([
      'c1',
    ]);
    expect(
      await cohortsTouched(fx.db, { projection: 'enrollment.cohort-dashboard', keys: ['c2', 'c1', 'c2'] }),
    ).toEqual(['c1', 'c2']);
    expect(await cohortsTouched(fx.db, { projection: 'enrollment.groups', keys: ['c1'] })).toEqual(['c1']);
    expect(await cohortsTouched(fx.db, { projection: 'selection.rubrics', keys: ['c1'] })).toEqual(['c1']);
    expect(await cohortsTouched(fx.db, { projection: 'reactor.due-offers', keys: ['c1-a2'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'cohorts.cohort-list', keys: ['c1'] })).toEqual([]);
    expect(await cohortsTouched(fx.db, { projection: 'enrollment.applications', keys: [] })).toEqual([]);
  });

  it('looks up more enrollment ids than fit one statement', async () => {
    const keys = [...Array.from({ length: 1_200 }, (_, i) => `missing-${i}`), 'c2-a1'];
    expect(await cohortsTouched(fx.db, { projection: 'enrollment.applications', keys })).toEqual(['c2']);
  });
});
