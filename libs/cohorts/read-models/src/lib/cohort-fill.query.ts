import { seatFill } from './cohort-dashboard.query';
import type { CohortDashboardView } from './cohort-dashboard.read-model';
import type { CohortsReadDb } from './cohorts.read-model';

/** What a row of the cohorts table shows: the dashboard's seats and waitlist length, without its lists. */
export type CohortFillView = Pick<
  CohortDashboardView,
  'cohortId' | 'capacity' | 'reserved' | 'confirmed' | 'free' | 'fillRate' | 'waitlistLength'
>;

type SeatStatus = 'reserved' | 'confirmed' | 'waitlisted';

/**
 * The seats of many cohorts in one SQL statement (a page of the cohorts list is one read, not
 * one per cohort). The capacity is the dashboard row's own column. The reserved, confirmed and
 * waitlisted seats are counted on the seat ledger, each a sub-select correlated with its cohort:
 * `cohort_dashboards` does not store them (its projection follows the cohort's lifecycle events,
 * the seats are the seat ledger's, `cohort_seats`), and the dashboard counts them the same way.
 * Cohorts the dashboard does not know are left out of the map.
 */
export async function findCohortFills(
  db: CohortsReadDb,
  cohortIds: readonly string[],
): Promise<ReadonlyMap<string, CohortFillView>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cohort_dashboards')
    .select(['cohort_dashboards.cohort_id', 'cohort_dashboards.capacity'])
    .select((eb) => {
      const count = (status: SeatStatus) =>
        eb
          .selectFrom('cohort_seats')
          .select((s) => s.fn.countAll<number | string>().as('n'))
          .whereRef('cohort_seats.cohort_id', '=', 'cohort_dashboards.cohort_id')
          .where('cohort_seats.status', '=', status)
          .as(status);
      return [count('reserved'), count('confirmed'), count('waitlisted')];
    })
    .where('cohort_dashboards.cohort_id', 'in', [...new Set(cohortIds)])
    .execute();
  return new Map(
    rows.map((row) => {
      const reserved = Number(row.reserved ?? 0);
      const confirmed = Number(row.confirmed ?? 0);
      const fill: CohortFillView = {
        cohortId: row.cohort_id,
        capacity: row.capacity,
        reserved,
        confirmed,
        ...seatFill(row.capacity, reserved, confirmed),
        waitlistLength: Number(row.waitlisted ?? 0),
      };
      return [row.cohort_id, fill];
    }),
  );
}
