import type { ProjectionRunner } from '@sooc/read-store';
import { createProjectionRunner, openStores, type Stores } from '@sooc/runtime';
import {
  DASHBOARD,
  DASHBOARD_FIELDS,
  dashboardWatched,
  openCohort,
  submit,
  subscribe,
  type Dashboard,
} from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

const UPDATES = `subscription Updates($cohortId: ID!) { cohortDashboardUpdated(cohortId: $cohortId) { ${DASHBOARD_FIELDS} } }`;

/**
 * SOOC_WORKERS=none: the gateway runs no projector and no reactor; a projector (here the same
 * runner apps/projector builds, on its own connections to the same stores: SQLite files here,
 * the ESDB stand-in and PostgreSQL under test/e2e-esdb) writes the read models, and the gateway
 * hears of its commits through the checkpoints and the change log.
 */
describe('a gateway with SOOC_WORKERS=none beside a projector', () => {
  let h: Harness;
  let projector: Stores;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    h = await startGateway({ SOOC_WORKERS: 'none' });
    projector = await openStores(h.stores);
    runner = createProjectionRunner(projector);
    await runner.start();
  });
  afterAll(async () => {
    // The projector first: the gateway's close removes the stores they share.
    await runner.stop();
    await projector.close();
    await h.close();
  });

  it("takes no lease and reports itself ready with the projector's lag", async () => {
    // On the stores the suite runs on: SQLite files, or the ESDB stand-in and PostgreSQL (test/e2e-esdb).
    const onEsdb = process.env['SOOC_E2E_STORES'] === 'esdb+postgres';
    expect([h.stores.eventStoreUrl.split(':')[0], h.stores.readDbUrl.split(':')[0]]).toEqual(
      onEsdb ? ['esdb', 'postgres'] : ['sqlite', 'sqlite'],
    );
    expect(h.gateway.infrastructure.runner).toBeNull();
    expect(await projector.readDatabase.db.selectFrom('worker_leases').selectAll().execute()).toEqual([]);
    const response = await fetch(h.gateway.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ready: true,
      workers: 'none',
      store: { reachable: true },
      readDb: { reachable: true },
      projections: { running: true },
    });
  });

  it("returns what a mutation wrote, read back from the projector's rows", async () => {
    const cohortId = await openCohort(h);
    const submitted = await submit(h, cohortId, 'ada');
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitApplication.application).toMatchObject({
      cohortId,
      learnerId: 'ada',
      status: 'SUBMITTED',
    });
    const { data } = await h.gql<{ cohortDashboard: Dashboard }>(DASHBOARD, {
      cohortId,
      at: submitted.data!.submitApplication.position,
    });
    expect(data!.cohortDashboard.applicationsByStatus).toEqual([{ status: 'SUBMITTED', count: 1 }]);
  });

  it("pushes cohortDashboardUpdated from the projector's commits, through the change log", async () => {
    const cohortId = await openCohort(h);
    const updates = subscribe<{ cohortDashboardUpdated: Dashboard }>(h, UPDATES, { cohortId });
    await dashboardWatched(h, cohortId);
    await submit(h, cohortId, 'bob');
    const pushed = (await updates.next()).cohortDashboardUpdated;
    expect(pushed).toMatchObject({ cohortId, applicationsByStatus: [{ status: 'SUBMITTED', count: 1 }] });
    updates.unsubscribe();
  });

  it('counts the operations it answered in /metrics', async () => {
    const scrape = async () => (await fetch(h.gateway.url.replace('/graphql', '/metrics'))).text();
    const mutations = (text: string) =>
      Number(
        /^sooc_graphql_operations_total\{type="mutation",outcome="ok",service="gateway"\} (\d+)$/m.exec(text)?.[1] ?? 0,
      );
    const before = mutations(await scrape());
    await openCohort(h);
    const after = await scrape();
    expect(mutations(after) - before).toBe(3);
    expect(after).toMatch(/^sooc_projection_lag_positions\{service="gateway"\} \d+$/m);
    expect(after).toMatch(/^sooc_store_head_position\{service="gateway"\} [1-9]\d*$/m);
    expect(after).not.toContain('sooc_worker_active');
  });
});
