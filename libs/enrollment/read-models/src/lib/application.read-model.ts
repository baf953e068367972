import type { EnrollmentStatus } from '@sooc/enrollment-domain';
import type { Actor } from '@sooc/event-sourcing';
import type { Decision, DecisionRecord } from '@sooc/selection-domain/published';

/**
 * One row per application in table `applications`, from the enrollment stream and the cohort's
 * selection stream. JSON goes in as text, flags as integer 0/1, scores as integer hundredths
 * (score.column.ts), positions as 20-digit text (position.key.ts).
 */
export type ApplicationRow = {
  enrollment_id: string;
  cohort_id: string;
  learner_id: string;
  company_id: string | null;
  share_with_company: number;
  level: string;
  /** Personal fields (name, email, motivation, answers' values) hold the sealed values of the event. */
  name: string | null;
  email: string | null;
  motivation: string;
  /** JSON object: question id → answer. */
  answers: string;
  /** JSON array of the prerequisites the learner states they meet. */
  prerequisites_met: string;
  eligible: number;
  /** JSON array. */
  unmet_prerequisites: string;
  selection_policy: string;
  status: EnrollmentStatus;
  /** Why of the last decision, waitlisting, drop, withdrawal or cancellation. */
  status_reason: string | null;
  submitted_at: string;
  /** Position of ApplicationSubmitted: arrival order, and the cursor of application lists. */
  submitted_position: string;
  offer_expires_at: string | null;
  promoted_from_waitlist: number;
  /** JSON object: session number → attended. */
  attendance: string;
  attended_sessions: number;
  /** JSON object: reviewer id → { score, rubricVersion, comment }, each reviewer's latest review. */
  reviews: string;
  review_count: number;
  /** Mean of the reviewers' latest scores in hundredths (8750 = 87.50); null before any review. */
  average_score: number | null;
  decision: string | null;
  decision_reason: string | null;
  /** JSON of the deciding actor. */
  decided_by: string | null;
  decision_id: string | null;
  decided_at: string | null;
  /** JSON of the selection's DecisionRecord. */
  decision_record: string | null;
  updated_at: string;
  last_position: string;
};

export interface ReviewView {
  readonly reviewerId: string;
  readonly score: number;
  readonly rubricVersion: number;
  readonly comment: string | null;
}

export interface DecisionView {
  readonly decision: Decision;
  readonly reason: string | null;
  readonly decidedBy: Actor | null;
  readonly decisionId: string | null;
  readonly decidedAt: string | null;
  /** Rubric version, reviews, rank and seats at the moment of the decision. */
  readonly record: DecisionRecord | null;
}

export interface ApplicationView {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  readonly shareWithCompany: boolean;
  readonly level: string;
  /** Sealed, as the event holds it: the edge opens it for whoever may read it (or shows `[erased]`). */
  readonly name: string | null;
  readonly email: string | null;
  readonly motivation: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly prerequisitesMet: readonly string[];
  readonly eligible: boolean;
  readonly unmetPrerequisites: readonly string[];
  readonly selectionPolicy: string;
  readonly status: EnrollmentStatus;
  readonly statusReason: string | null;
  readonly submittedAt: string;
  /** Global position of the submission: arrival order, and the key of every cursor. */
  readonly submittedPosition: string;
  readonly offerExpiresAt: string | null;
  readonly promotedFromWaitlist: boolean;
  readonly attendance: Readonly<Record<string, boolean>>;
  readonly attendedSessions: number;
  /** Each reviewer's latest review, by reviewer id. */
  readonly reviews: readonly ReviewView[];
  readonly reviewCount: number;
  /** 0..100, two decimals; null before any review. */
  readonly averageScore: number | null;
  /** The selection's decision (review cohorts); null until decided, and for first-come admissions. */
  readonly decision: DecisionView | null;
  readonly updatedAt: string;
}
