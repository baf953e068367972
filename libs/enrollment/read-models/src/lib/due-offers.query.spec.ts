import { projectScenario } from '../testing/scenario.fixture';
import { migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { dueOffers } from './due-offers.query';

describe.each(testDialects)('due offers query on %s', (dialect) => {
  let fx: ReadDbFixture;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db);
  });

  afterAll(() => fx?.dispose());

  it('lists offers due by a time, oldest first; accepted and withdrawn offers are not due', async () => {
    expect(await dueOffers(fx.db, '2026-03-01T00:00:00.000Z', 10)).toEqual([]);
    expect(await dueOffers(fx.db, '2026-03-18T08:00:00.000Z', 10)).toEqual([
      { enrollmentId: 'c1-i1', cohortId: 'c1', learnerId: 'i1', expiresAt: '2026-03-18T08:00:00.000Z' },
    ]);
    expect((await dueOffers(fx.db, '2026-04-01T00:00:00.000Z', 10)).map((o) => o.learnerId)).toEqual(['i1', 'a2']);
    expect((await dueOffers(fx.db, '2026-04-01T00:00:00.000Z', 1)).map((o) => o.learnerId)).toEqual(['i1']);
  });
});
