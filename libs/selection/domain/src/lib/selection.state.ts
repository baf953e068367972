import type { Criterion, Decision } from './selection.events';

export interface Rubric {
  readonly version: number;
  readonly criteria: readonly Criterion[];
  readonly blind: boolean;
  readonly reviewsRequired: number;
}

export interface ReviewEntry {
  readonly rubricVersion: number;
  readonly scores: Readonly<Record<string, number>>;
  readonly score: number;
  readonly comment: string | null;
}

/** The selection round of one cohort: its rubric, every review, and the decisions taken. */
export type SelectionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly cohortId: string;
      readonly rubric: Rubric;
      /** enrollmentId → reviewerId → that reviewer's latest review. */
      readonly reviews: Readonly<Record<string, Readonly<Record<string, ReviewEntry>>>>;
      /** enrollmentId → the decision taken (one per application). */
      readonly decisions: Readonly<Record<string, { readonly decisionId: string; readonly decision: Decision }>>;
    };
