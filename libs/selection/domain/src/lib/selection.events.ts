import type { Actor, DomainEvent } from '@sooc/event-sourcing';
import type { LearnerLevel } from '@sooc/cohorts-domain/published';

export interface Criterion {
  /** Stable key reviewers score against, e.g. "motivation". */
  readonly id: string;
  readonly label: string;
  /** Relative weight (> 0); scores are combined as a weighted mean. */
  readonly weight: number;
}

/** Reviewers give each criterion 0..SCORE_MAX; the weighted mean is reported on 0..100. */
export const SCORE_MAX = 5;

export type Decision = 'admit' | 'reject' | 'waitlist';

/** The seat ledger as the decider saw it when deciding. */
export interface SeatSnapshot {
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  readonly free: number;
  readonly waitlisted: number;
  /** The applicant's company quota, when the company has one. */
  readonly quota: { readonly companyId: string; readonly seats: number; readonly used: number } | null;
  /** Free seats in the applicant's own pool (their company's quota, or the open seats). */
  readonly freeInPool: number;
}

/**
 * Everything needed later to answer "why was this person admitted / waitlisted / rejected?":
 * the rubric version, every review, the ranking and the seats at that moment.
 */
export interface DecisionRecord {
  readonly rubricVersion: number | null;
  readonly reviews: readonly { readonly reviewerId: string; readonly rubricVersion: number; readonly score: number }[];
  readonly averageScore: number | null;
  /** 1-based rank by average score among the cohort's reviewed applications; null if unreviewed. */
  readonly rank: number | null;
  readonly rankedAmong: number;
  readonly seats: SeatSnapshot;
}

export type RubricDefined = DomainEvent<
  'RubricDefined',
  {
    readonly cohortId: string;
    readonly version: number;
    readonly criteria: readonly Criterion[];
    /** Reviewers don't see the applicant's learner id or company. */
    readonly blind: boolean;
    /** Reviews an application needs before it can be decided. */
    readonly reviewsRequired: number;
  }
>;

/** A reviewer's latest review of an application replaces their earlier one. */
export type ApplicationReviewed = DomainEvent<
  'ApplicationReviewed',
  {
    readonly cohortId: string;
    readonly enrollmentId: string;
    readonly reviewerId: string;
    readonly rubricVersion: number;
    readonly scores: Readonly<Record<string, number>>;
    /** Weighted mean of the scores on 0..100, two decimals. */
    readonly score: number;
    readonly comment: string | null;
  }
>;

export type ApplicationDecided = DomainEvent<
  'ApplicationDecided',
  {
    readonly cohortId: string;
    readonly enrollmentId: string;
    readonly learnerId: string;
    /** From the application, so the reactor can seat or waitlist the applicant without reading it. */
    readonly companyId: string | null;
    readonly level: LearnerLevel;
    readonly decisionId: string;
    readonly decision: Decision;
    readonly reason: string;
    readonly decidedBy: Actor;
    readonly record: DecisionRecord;
  }
>;

export type SelectionEvent = RubricDefined | ApplicationReviewed | ApplicationDecided;
