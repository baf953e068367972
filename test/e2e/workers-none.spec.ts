import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionRunner } from '@sooc/read-store';
import { createProjectionRunner, openStores, type Stores } from '@sooc/runtime';
import { DASHBOARD, DASHBOARD_FIELDS, dashboardWatched, openCohort, submit, subscribe, type Dashboard } from './enrollment.fixtures';
import { startGateway, type Harness } from './gateway.harness';

const UPDATES = `subscription Updates($cohortId: ID!) { cohortDashboardUpdated(cohortId: $cohortId) { ${DASHBOARD_FIELDS} } }`;

/**
 * SOOC_WORKERS=none: the gateway runs no projector and no reactor; a projector (here the same
 * runner apps/projector builds, on its own connections to the same SQLite files) writes the read
 * models, and the gateway hears of its commits through the checkpoints and the change log.
 */
describe('a gateway with SOOC_WORKERS=none beside a projector', () => {
  let dir: string;
  let h: Harness;
  let projector: Stores;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-none-'));
    const stores = { eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`, readDbUrl: `sqlite:${join(dir, 'read.sqlite')}` };
    h = await startGateway({ SOOC_WORKERS: 'none', SOOC_EVENT_STORE_URL: stores.eventStoreUrl, SOOC_READ_DB_URL: stores.readDbUrl });
    projector = await openStores(stores);
    runner = createProjectionRunner(projector);
    await runner.start();
  });
  afterAll(async () => {
    await h.close();
    await runner.stop();
    await projector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes no lease and reports itself ready with the projector\'s lag', async () => {
    expect(h.gateway.infrastructure.runner).toBeNull();
    expect(await projector.readDatabase.db.selectFrom('worker_leases').selectAll().execute()).toEqual([]);
    const response = await fetch(h.gateway.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true, workers: 'none', store: { reachable: true }, readDb: { reachable: true }, projections: { running: true } });
  });

  it('returns what a mutation wrote, read back from the projector\'s rows', async () => {
    const cohortId = await openCohort(h);
    const submitted = await submit(h, cohortId, 'ada');
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitApplication.application).toMatchObject({ cohortId, learnerId: 'ada', status: 'SUBMITTED' });
    const { data } = await h.gql<{ cohortDashboard: Dashboard }>(DASHBOARD, { cohortId, at: submitted.data!.submitApplication.position });
    expect(data!.cohortDashboard.applicationsByStatus).toEqual([{ status: 'SUBMITTED', count: 1 }]);
  });

  it('pushes cohortDashboardUpdated from the projector\'s commits, through the change log', async () => {
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
    const mutations = (text: string) => Number(/^sooc_graphql_operations_total\{type="mutation",outcome="ok",service="gateway"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = mutations(await scrape());
    await openCohort(h);
    const after = await scrape();
    expect(mutations(after) - before).toBe(3);
    expect(after).toMatch(/^sooc_projection_lag_positions\{service="gateway"\} \d+$/m);
    expect(after).toMatch(/^sooc_store_head_position\{service="gateway"\} [1-9]\d*$/m);
    expect(after).not.toContain('sooc_worker_active');
  });
});
