import type { CohortState } from '@sooc/cohorts-domain';

export type CohortStatus = Exclude<CohortState['status'], 'none'>;

/**
 * One row per cohort in table `cohorts`. A type alias (not an interface) so it satisfies the
 * `ProjectionRow` index signature. Instants are ISO-8601 UTC text, dates YYYY-MM-DD, positions
 * 20-digit zero-padded text (see position.key.ts).
 */
export type CohortRow = {
  cohort_id: string;
  course_id: string;
  title: string;
  status: CohortStatus;
  capacity: number;
  opens_at: string;
  closes_at: string;
  starts_on: string;
  ends_on: string;
  selection_policy: string;
  planned_at: string;
  updated_at: string;
  /** Position of CohortPlanned: the stable order of cohort lists, and their cursor. */
  plan_position: string;
  /** Position of the last event folded into the row: a redelivered event is recognised by it. */
  last_position: string;
};

/** A cohort as the queries return it: the row plus its course's title (null until projected). */
export type CohortView = CohortRow & { course_title: string | null };

export const COHORT_STATUSES: readonly CohortStatus[] = [
  'planned',
  'open',
  'closed',
  'running',
  'completed',
  'cancelled',
];
