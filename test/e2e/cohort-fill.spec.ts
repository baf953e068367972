import type { Persona } from '@sooc/auth/testing';
import { eventually } from '@sooc/util/testing';
import { openFirstComeCohort, SUBMIT, submission } from './admission.support';
import { startGateway, type Harness } from './gateway.harness';

const FILLS = `query Fills($first: Int) {
  cohorts(first: $first) { edges { node { cohortId fill { capacity reserved confirmed free fillRate waitlistLength } } } }
}`;
const DASHBOARD_SEATS = `query Seats($cohortId: ID!) {
  cohortDashboard(cohortId: $cohortId) { capacity reserved confirmed free fillRate waitlistLength }
}`;

interface Fill {
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  readonly free: number;
  readonly fillRate: number;
  readonly waitlistLength: number;
}

describe('Cohort.fill: the cohorts list with each cohort’s seats, in one request', () => {
  let h: Harness;
  let busy: string;
  let empty: string;

  /** Each listed cohort's fill as this caller reads it, by cohort id. */
  async function fills(as: Persona | null): Promise<Map<string, Fill | null>> {
    const result = await h.gql<{ cohorts: { edges: { node: { cohortId: string; fill: Fill | null } }[] } }>(
      FILLS,
      { first: 100 },
      as,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return new Map(result.data!.cohorts.edges.map(({ node }) => [node.cohortId, node.fill]));
  }

  beforeAll(async () => {
    h = await startGateway();
    // Two seats and three first-come applicants: two offers held, one waiting.
    busy = await openFirstComeCohort(h, 2);
    empty = await openFirstComeCohort(h, 30);
    for (const learnerId of ['fill-1', 'fill-2', 'fill-3']) {
      const submitted = await h.gql(SUBMIT, submission(busy, learnerId));
      if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
    }
  });
  afterAll(() => h.close());

  it("gives each cohort of the page the same seats and waitlist length as the cohort's dashboard", async () => {
    const listed = await eventually(
      () => fills({ role: 'admin', subject: 'admin-fill' }),
      (f) => f.get(busy)?.waitlistLength === 1 && f.get(busy)?.reserved === 2,
      10_000,
    );
    expect(listed.get(busy)).toEqual({
      capacity: 2,
      reserved: 2,
      confirmed: 0,
      free: 0,
      fillRate: 1,
      waitlistLength: 1,
    });
    expect(listed.get(empty)).toEqual({
      capacity: 30,
      reserved: 0,
      confirmed: 0,
      free: 30,
      fillRate: 0,
      waitlistLength: 0,
    });
    for (const cohortId of [busy, empty]) {
      const dashboard = await h.gql<{ cohortDashboard: Fill }>(DASHBOARD_SEATS, { cohortId });
      expect(listed.get(cohortId)).toEqual(dashboard.data!.cohortDashboard);
    }
  });

  it('shows the seats to those who may read the dashboard, and null to the others, without refusing the list', async () => {
    await eventually(
      () => fills({ role: 'compliance', subject: 'compliance-fill' }),
      (f) => f.get(busy)?.waitlistLength === 1,
      10_000,
    );
    const facilitator = await fills({ role: 'facilitator', subject: 'facilitator-fill', cohorts: [busy] });
    expect(facilitator.get(busy)).toMatchObject({ capacity: 2, waitlistLength: 1 });
    expect(facilitator.get(empty)).toBeNull();
    for (const persona of [
      { role: 'reviewer', subject: 'reviewer-fill', cohorts: [busy] },
      { role: 'partner', subject: 'partner-fill', companyId: 'acme' },
      { role: 'learner', subject: 'fill-1', learnerId: 'fill-1' },
      null,
    ] as const) {
      const seen = await fills(persona);
      expect(seen.get(busy)).toBeNull();
      expect(seen.get(empty)).toBeNull();
    }
  });
});
