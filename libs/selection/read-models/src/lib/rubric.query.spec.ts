import { cohortScenario } from '@sooc/selection-domain/testing';
import { migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { projectScenario } from '../testing/scenario.fixture';
import { findRubric, isBlindReview } from './rubric.query';

describe.each(testDialects)('rubric lookups on %s', (dialect) => {
  let fx: ReadDbFixture;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db, cohortScenario());
  });

  afterAll(() => fx?.dispose());

  it('finds the latest rubric of a cohort, null when it has none', async () => {
    expect(await findRubric(fx.db, 'c1')).toMatchObject({
      version: 1,
      blind: true,
      reviewsRequired: 2,
      criteria: [{ id: 'motivation', label: 'Motivation', weight: 2 }, expect.anything()],
    });
    expect(await findRubric(fx.db, 'c2')).toBeNull();
  });

  it('tells whether a cohort reviews blind, false before any rubric', async () => {
    expect(await isBlindReview(fx.db, 'c1')).toBe(true);
    expect(await isBlindReview(fx.db, 'c2')).toBe(false);
  });
});
