import { applicationProjection } from './application.projection';
import { cohortDashboardProjection } from './cohort-dashboard.projection';
import { cohortGroupsProjection } from './cohort-groups.projection';
import { seatLedgerProjection } from './seat-ledger.projection';
import { selectionRubricProjection } from './selection-rubric.projection';

/**
 * What the projector (and the gateway's in-process runner) run for enrollment and selection;
 * names are checkpoint names. The reactor runs `dueOffersProjection` on its own.
 */
export const enrollmentProjections = [
  applicationProjection,
  seatLedgerProjection,
  cohortDashboardProjection,
  cohortGroupsProjection,
  selectionRubricProjection,
] as const;
