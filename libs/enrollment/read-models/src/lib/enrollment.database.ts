import type { ApplicationRow } from './application.read-model';
import type { CohortDashboardRow } from './cohort-dashboard.read-model';
import type { CohortGroupsRow, DueClosingRow, DueOfferRow, SelectionRubricRow } from './cohort-extras.read-model';
import type { SeatRow } from './seat-ledger.read-model';
import type { Kysely } from 'kysely';

/** The tables this library owns, for `Kysely<EnrollmentDatabase>`. */
export interface EnrollmentDatabase {
  applications: ApplicationRow;
  cohort_seats: SeatRow;
  cohort_dashboards: CohortDashboardRow;
  cohort_groups: CohortGroupsRow;
  selection_rubrics: SelectionRubricRow;
  due_offers: DueOfferRow;
  due_closings: DueClosingRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type EnrollmentReadDb = Kysely<EnrollmentDatabase>;
