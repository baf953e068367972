import type { EventStore, RecordedEvent } from '@sooc/event-sourcing';
import { ADMIN, APPLICATIONS, DASHBOARD, type Dashboard } from './e2e.documents';
import { dataOf, type GatewayClient } from './gateway.client';

export interface ApplicationRow {
  readonly learnerId: string;
  readonly status: string;
}

/** Statuses the reactor has not decided on yet: the race is not over while any is listed. */
const UNDECIDED = new Set(['SUBMITTED', 'ADMITTED']);

/** The dashboard as `client` serves it; with `at`, once that gateway's read models reached the position. */
export async function dashboardOf(
  client: GatewayClient,
  cohortId: string,
  at: bigint | null = null,
): Promise<Dashboard> {
  const variables = { cohortId, waitlistFirst: 1000, at: at === null ? null : at.toString() };
  const { cohortDashboard } = dataOf(
    client,
    await client.gql<{ cohortDashboard: Dashboard | null }>(DASHBOARD, variables),
  );
  if (!cohortDashboard) throw new Error(`${client.name}: no dashboard for cohort ${cohortId}`);
  return cohortDashboard;
}

/** Every application of the cohort, page by page (a page holds at most 100). */
export async function applicationsOf(client: GatewayClient, cohortId: string): Promise<ApplicationRow[]> {
  type Page = {
    applications: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ApplicationRow }[] };
  };
  const rows: ApplicationRow[] = [];
  for (let after: string | null = null; ;) {
    const { applications }: Page = dataOf(
      client,
      await client.gql<Page>(APPLICATIONS, { cohortId, first: 100, after }, ADMIN),
    );
    rows.push(...applications.edges.map((e) => e.node));
    if (!applications.pageInfo.hasNextPage) return rows;
    after = applications.pageInfo.endCursor;
  }
}

/**
 * Waits until the reactor has placed every applicant (each one offered a seat or waitlisted, as
 * `client` shows it) and the store has stayed quiet for a while, then returns the dashboard
 * consistent with the store's head: the end state, not a moment in the middle.
 */
export async function settledDashboard(
  client: GatewayClient,
  store: EventStore,
  cohortId: string,
  applicants: number,
  timeoutMs: number,
): Promise<{ dashboard: Dashboard; head: bigint }> {
  const deadline = Date.now() + timeoutMs;
  let last: Dashboard | null = null;
  const placed = (d: Dashboard) =>
    d.reserved + d.confirmed + d.waitlistLength === applicants &&
    d.applicationsByStatus.every((s) => !UNDECIDED.has(s.status));
  while (!last || !placed(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `Not settled within ${timeoutMs} ms through ${client.name} (is the reactor running?); last dashboard: ${JSON.stringify(last).slice(0, 1500)}`,
      );
    if (last) await pause(100);
    last = await dashboardOf(client, cohortId);
  }
  let head = await store.headPosition();
  for (;;) {
    await pause(500);
    const now = await store.headPosition();
    if (now === head) break;
    head = now;
  }
  if (head === null) throw new Error('the event store is empty');
  return { dashboard: await dashboardOf(client, cohortId, head), head };
}

/** Seats held (reserved or confirmed) after each event of the cohort's stream, in stream order. */
export function seatsHeldOverTime(cohortEvents: readonly RecordedEvent[]): number[] {
  let held = 0;
  return cohortEvents.map((event) => {
    if (event.type === 'SeatReserved') held += 1;
    if (event.type === 'SeatReleased') held -= 1;
    return held;
  });
}

export const learnerOf = (event: RecordedEvent) => (event.data as { learnerId: string }).learnerId;

export const ofCohort = (events: readonly RecordedEvent[], type: string, cohortId: string) =>
  events.filter((e) => e.type === type && (e.data as { cohortId?: string }).cohortId === cohortId);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
