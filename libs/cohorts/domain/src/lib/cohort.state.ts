import type { CohortPlannedData } from './cohort.events';

/** Lifecycle planned → open → closed (running, completed, cancelled arrive with the enrollment work). */
export type CohortState =
  | { readonly status: 'none' }
  | ({ readonly status: 'planned' } & CohortPlannedData)
  | ({ readonly status: 'open' } & CohortPlannedData)
  | ({ readonly status: 'closed' } & CohortPlannedData);
