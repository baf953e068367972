import type { LearnerLevel } from '@sooc/cohorts-domain/published';
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

export interface DecisionEntry {
  readonly decisionId: string;
  readonly decision: Decision;
  readonly applicant: {
    readonly enrollmentId: string;
    readonly learnerId: string;
    readonly companyId: string | null;
    readonly level: LearnerLevel;
  };
  /** The review score the reactor hands the ledger (the record's average score). */
  readonly score: number | null;
  /** 0, 1, 2… in the stream's order: the order the reactor applies decisions in. */
  readonly order: number;
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
      /** enrollmentId → the decision taken (one per application), with what the ledger needs to apply it. */
      readonly decisions: Readonly<Record<string, DecisionEntry>>;
    };
