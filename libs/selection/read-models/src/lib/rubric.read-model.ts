import type { Criterion } from '@sooc/selection-domain/published';

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

export interface RubricView {
  readonly cohortId: string;
  readonly version: number;
  readonly criteria: readonly Criterion[];
  readonly blind: boolean;
  readonly reviewsRequired: number;
  readonly definedAt: string;
}
