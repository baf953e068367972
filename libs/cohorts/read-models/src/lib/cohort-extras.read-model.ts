import type { LearnerGroup } from '@sooc/cohorts-domain/published';

/** The latest formation of a cohort's groups, in table `cohort_groups`. */
export type CohortGroupsRow = {
  cohort_id: string;
  formation: number;
  target_size: number;
  seed: string;
  /** JSON array of LearnerGroup. */
  groups: string;
  formed_at: string;
  last_position: string;
};

/** A cohort taking applications until `closes_at`, in table `due_closings`: the reactor's to-do list of windows to close. */
export type DueClosingRow = {
  cohort_id: string;
  closes_at: string;
  last_position: string;
};

export interface DueClosingView {
  readonly cohortId: string;
  readonly closesAt: string;
}

export interface GroupsView {
  readonly cohortId: string;
  readonly formation: number;
  readonly targetSize: number;
  readonly seed: string;
  readonly groups: readonly LearnerGroup[];
  readonly formedAt: string;
}
