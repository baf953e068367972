import { cohortScenario } from '@sooc/selection-domain/testing';
import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { projectScenario } from '../testing/scenario.fixture';
import { findCohortDashboard } from './cohort-dashboard.query';
import { findCohortFills } from './cohort-fill.query';

describe.each(testDialects)('cohort fills on %s', (dialect) => {
  let fx: MigratedDatabase;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db, cohortScenario());
  });

  afterAll(() => fx?.dispose());

  it("gives each cohort the dashboard's own seat counts, fill rate and waitlist length", async () => {
    const [fills, dashboard] = await Promise.all([findCohortFills(fx.db, ['c1']), findCohortDashboard(fx.db, 'c1')]);
    const { cohortId, capacity, reserved, confirmed, free, fillRate, waitlistLength } = dashboard!;
    expect(fills.get('c1')).toEqual({ cohortId, capacity, reserved, confirmed, free, fillRate, waitlistLength });
    expect(fills.get('c1')).toMatchObject({ capacity: 4, reserved: 2, confirmed: 1, waitlistLength: 5 });
  });

  it('leaves out the cohorts it does not know, and reads nothing for no cohort', async () => {
    expect([...(await findCohortFills(fx.db, ['c1', 'nope', 'c1'])).keys()]).toEqual(['c1']);
    expect((await findCohortFills(fx.db, [])).size).toBe(0);
  });
});
