import { randomUUID } from 'node:crypto';
import { CohortUpdatesPublisher } from '@sooc/cohorts-api';
import { COHORT, draftCourse, planCohort } from './cohorts.fixture';
import { DASHBOARD, dashboardWatched } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

type Errors = readonly { message: string; extensions?: Record<string, unknown> }[];

/**
 * The first answer to a subscription over a real graphql-ws connection: its errors (sent as an
 * `error` message or as a `next` carrying errors, the protocol allows both) or the fact that it
 * was accepted, which `accepted` proves (for instance: the server registered a listener).
 */
function firstAnswer(
  h: Harness,
  query: string,
  variables: Record<string, unknown>,
  accepted: (answered: () => boolean) => Promise<void>,
): Promise<Errors | 'accepted'> {
  let settled = false;
  return new Promise<Errors | 'accepted'>((resolve, reject) => {
    h.wsClient().subscribe(
      { query, variables },
      {
        next: (message) => (message.errors ? resolve(message.errors) : reject(new Error('unexpected data'))),
        error: (error) => (Array.isArray(error) ? resolve(error as Errors) : reject(error)),
        complete: () => undefined,
      },
    );
    // The proof of acceptance stops looking once an answer came, so no poll outlives the spec.
    accepted(() => settled).then(() => resolve('accepted'), reject);
  }).finally(() => (settled = true));
}

/** Resolves once the server listens for changes of the cohort: the subscription was accepted. */
function cohortWatched(h: Harness, cohortId: string) {
  const publisher = h.gateway.app.get(CohortUpdatesPublisher);
  return async (answered: () => boolean) => {
    while (publisher.watchers(cohortId) === 0 && !answered()) await new Promise((resolve) => setTimeout(resolve, 10));
  };
}

const DASHBOARD_UPDATES = `subscription Updates($cohortId: ID!, $waitlistFirst: Int) {
  cohortDashboardUpdated(cohortId: $cohortId, waitlistFirst: $waitlistFirst) { cohortId }
}`;
const COHORT_UPDATES = 'subscription Updates($id: ID!) { cohortUpdated(cohortId: $id) { cohortId status } }';

describe('subscriptions check their arguments as queries do', () => {
  let h: Harness;
  let cohortId: string;
  beforeAll(async () => {
    h = await startGateway();
    cohortId = await planCohort(h, await draftCourse(h));
  });
  afterAll(() => h.close());

  it.each([0, 5000])(
    'refuses cohortDashboardUpdated(waitlistFirst: %i) with the query’s error',
    async (waitlistFirst) => {
      const query = await h.gql(DASHBOARD, { cohortId, waitlistFirst });
      expect(query.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'waitlistFirst' })],
      });
      const errors = await firstAnswer(h, DASHBOARD_UPDATES, { cohortId, waitlistFirst }, (answered) =>
        dashboardWatched(h, cohortId, answered),
      );
      expect(errors).toEqual([
        expect.objectContaining({ message: query.errors![0].message, extensions: query.errors![0].extensions }),
      ]);
    },
  );

  it('refuses a malformed cohort id with the query’s error', async () => {
    const query = await h.gql(COHORT, { id: 'not an id!' });
    expect(query.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'cohortId', message: expect.any(String) }],
    });
    const errors = await firstAnswer(h, COHORT_UPDATES, { id: 'not an id!' }, cohortWatched(h, 'not an id!'));
    expect(errors).toEqual([expect.objectContaining({ extensions: query.errors![0].extensions })]);
  });

  it.each([
    ['cohortUpdated', COHORT_UPDATES, 'id', cohortWatched],
    [
      'cohortDashboardUpdated',
      DASHBOARD_UPDATES,
      'cohortId',
      (h: Harness, id: string) => (answered: () => boolean) => dashboardWatched(h, id, answered),
    ],
  ])('refuses %s of an unknown cohort with COHORT.NOT_FOUND', async (_name, query, argument, watched) => {
    const unknown = randomUUID();
    const errors = await firstAnswer(h, query, { [argument]: unknown }, watched(h, unknown));
    expect(errors).toEqual([
      expect.objectContaining({
        message: `Cohort ${unknown} does not exist`,
        extensions: { code: 'COHORT.NOT_FOUND', category: 'NOT_FOUND' },
      }),
    ]);
  });

  it('refuses a consistentWith past the store’s head as the query does', async () => {
    const at = ((await h.gateway.infrastructure.eventStore.headPosition())! + 1n).toString();
    const query = await h.gql(COHORT, { id: cohortId, at });
    const errors = await firstAnswer(
      h,
      'subscription Updates($id: ID!, $at: Position) { cohortUpdated(cohortId: $id, consistentWith: $at) { cohortId } }',
      { id: cohortId, at },
      cohortWatched(h, cohortId),
    );
    expect(query.errors![0].extensions).toMatchObject({ code: 'READ_MODEL.POSITION_AHEAD' });
    expect(errors).toEqual([expect.objectContaining({ extensions: query.errors![0].extensions })]);
  });

  it('accepts subscriptions to a known cohort within the limits', async () => {
    const dashboard = await firstAnswer(h, DASHBOARD_UPDATES, { cohortId, waitlistFirst: 1000 }, (answered) =>
      dashboardWatched(h, cohortId, answered),
    );
    expect(dashboard).toBe('accepted');
    const cohort = await firstAnswer(h, COHORT_UPDATES, { id: cohortId }, cohortWatched(h, cohortId));
    expect(cohort).toBe('accepted');
  });
});
