import { cohortApplicationsProjection } from './cohort-applications.projection';
import { cohortDashboardProjection } from './cohort-dashboard.projection';
import { cohortGroupsProjection } from './cohort-groups.projection';
import { cohortProjection } from './cohort.projection';
import { courseProjection } from './course.projection';
import { seatLedgerProjection } from './seat-ledger.projection';

/**
 * What the projector (and the gateway's in-process runner) run for cohorts; names are checkpoint
 * names. The reactor runs `dueClosingsProjection` on its own.
 */
export const cohortsProjections = [
  cohortProjection,
  courseProjection,
  seatLedgerProjection,
  cohortApplicationsProjection,
  cohortDashboardProjection,
  cohortGroupsProjection,
] as const;
