import type { LearnerGroup } from '@sooc/cohorts-domain/published';
import type { Criterion } from '@sooc/selection-domain/published';

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

/** The current rubric of a cohort's selection, in table `selection_rubrics`. */
export type SelectionRubricRow = {
  cohort_id: string;
  version: number;
  /** JSON array of Criterion. */
  criteria: string;
  blind: number;
  reviews_required: number;
  defined_at: string;
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

/** An open seat offer, in table `due_offers`: the reactor's to-do list of offers to expire. */
export type DueOfferRow = {
  enrollment_id: string;
  cohort_id: string;
  learner_id: string;
  expires_at: string;
  last_position: string;
};

export interface GroupsView {
  readonly cohortId: string;
  readonly formation: number;
  readonly targetSize: number;
  readonly seed: string;
  readonly groups: readonly LearnerGroup[];
  readonly formedAt: string;
}

export interface RubricView {
  readonly cohortId: string;
  readonly version: number;
  readonly criteria: readonly Criterion[];
  readonly blind: boolean;
  readonly reviewsRequired: number;
  readonly definedAt: string;
}

export interface DueOfferView {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly expiresAt: string;
}
