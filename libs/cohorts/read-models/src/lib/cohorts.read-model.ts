import type { CohortApplicationRow } from './cohort-applications.projection';
import type { CohortDashboardRow } from './cohort-dashboard.read-model';
import type { CohortGroupsRow, DueClosingRow } from './cohort-extras.read-model';
import type { CohortRow } from './cohort.read-model';
import type { CourseRow } from './course.read-model';
import type { SeatRow } from './seat-ledger.read-model';
import type { Kysely } from 'kysely';

/** The tables this library owns, for `Kysely<CohortsDatabase>`. */
export interface CohortsDatabase {
  cohorts: CohortRow;
  courses: CourseRow;
  cohort_seats: SeatRow;
  cohort_applications: CohortApplicationRow;
  cohort_dashboards: CohortDashboardRow;
  cohort_groups: CohortGroupsRow;
  due_closings: DueClosingRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type CohortsReadDb = Kysely<CohortsDatabase>;
