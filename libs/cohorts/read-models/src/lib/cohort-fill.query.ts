import type { CohortsReadDb } from './cohorts.read-model';

/** What a row of the cohorts table shows: the dashboard's seats and waitlist length, without its lists. */
export interface CohortFillView {
  readonly cohortId: string;
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  /** capacity − reserved − confirmed, never below 0. */
  readonly free: number;
  /** (reserved + confirmed) / capacity, 0..1, four decimals, as the dashboard rounds it. */
  readonly fillRate: number;
  readonly waitlistLength: number;
}

type SeatStatus = 'reserved' | 'confirmed' | 'waitlisted';

/**
 * The seats of many cohorts in one SQL statement (a page of the cohorts list is one read, not
 * one per cohort): each count is a sub-select on the seat ledger correlated with its cohort.
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
      const taken = reserved + confirmed;
      const fill: CohortFillView = {
        cohortId: row.cohort_id,
        capacity: row.capacity,
        reserved,
        confirmed,
        free: Math.max(0, row.capacity - taken),
        fillRate: row.capacity > 0 ? Math.min(1, Math.round((taken / row.capacity) * 10_000) / 10_000) : 0,
        waitlistLength: Number(row.waitlisted ?? 0),
      };
      return [row.cohort_id, fill];
    }),
  );
}
