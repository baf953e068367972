import type { Actor, DomainEvent } from '@sooc/event-sourcing';
import type { LearnerLevel, SelectionPolicy } from '@sooc/cohorts-domain/published';

/** Every enrollment event names its enrollment, cohort and learner, so readers never parse stream ids. */
export interface EnrollmentRef {
  /** `<cohortId>-<learnerId>`: the stream id without its category. */
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
}

/**
 * What the learner tells about themselves when applying. Name, e-mail, motivation and answers are
 * personal data: sealed with the learner's key in the store (ENROLLMENT_PERSONAL_DATA), they read
 * as `[erased]` once the learner is erased.
 */
export interface Dossier {
  /** How the learner wants to be addressed; null when not given (and in events before schema version 2). */
  readonly name: string | null;
  /** Where the learner can be reached; null when not given (and in events before schema version 2). */
  readonly email: string | null;
  readonly motivation: string;
  readonly level: LearnerLevel;
  /** The learner's employer when a company sends them; null for independent learners. */
  readonly companyId: string | null;
  /**
   * The learner's consent that their company (a partner) may see them by name in its feed and
   * webhooks: their id and their application's course. Without it the company sees counts only.
   * Always false for an independent learner; false in events before schema version 3.
   */
  readonly shareWithCompany: boolean;
  /** Answers to the cohort's questions, by question id. */
  readonly answers: Readonly<Record<string, string>>;
  /** The course prerequisites the learner states they meet (the course's own wording). */
  readonly prerequisitesMet: readonly string[];
}

/** A decision as it arrives on the enrollment: who, why, and which selection decision (null for automatic ones). */
export interface DecisionNote {
  readonly by: Actor;
  readonly reason: string;
  readonly decisionId: string | null;
}

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  EnrollmentRef & {
    readonly dossier: Dossier;
    readonly selectionPolicy: SelectionPolicy;
    /** Checked against the course prerequisites at submission; an ineligible application goes no further. */
    readonly eligible: boolean;
    readonly unmetPrerequisites: readonly string[];
  }
>;
export type ApplicationAdmitted = DomainEvent<'ApplicationAdmitted', EnrollmentRef & DecisionNote>;
export type ApplicationRejected = DomainEvent<'ApplicationRejected', EnrollmentRef & DecisionNote>;
export type ApplicationWaitlisted = DomainEvent<'ApplicationWaitlisted', EnrollmentRef & DecisionNote>;
export type SeatOffered = DomainEvent<
  'SeatOffered',
  EnrollmentRef & { readonly expiresAt: string; readonly promotedFromWaitlist: boolean; readonly reason: string }
>;
export type OfferAccepted = DomainEvent<'OfferAccepted', EnrollmentRef>;
export type OfferDeclined = DomainEvent<'OfferDeclined', EnrollmentRef & { readonly reason: string | null }>;
export type OfferExpired = DomainEvent<'OfferExpired', EnrollmentRef & { readonly expiresAt: string }>;
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  EnrollmentRef & { readonly session: number; readonly attended: boolean; readonly by: Actor }
>;
export type EnrollmentCompleted = DomainEvent<
  'EnrollmentCompleted',
  EnrollmentRef & { readonly attendedSessions: number; readonly sessions: number }
>;
export type LearnerDropped = DomainEvent<
  'LearnerDropped',
  EnrollmentRef & { readonly attendedSessions: number; readonly sessions: number; readonly reason: string }
>;
export type ApplicationWithdrawn = DomainEvent<
  'ApplicationWithdrawn',
  EnrollmentRef & { readonly reason: string | null; readonly from: string }
>;
export type EnrollmentCancelled = DomainEvent<'EnrollmentCancelled', EnrollmentRef & { readonly reason: string }>;
/**
 * The cohort started before the applicant held a confirmed seat: a final answer for those left
 * on the waitlist, with an offer still open, or not yet decided. `from` is the status it ended.
 */
export type ApplicationNotAdmitted = DomainEvent<
  'ApplicationNotAdmitted',
  EnrollmentRef & { readonly reason: string; readonly from: string }
>;

export type EnrollmentEvent =
  | ApplicationSubmitted
  | ApplicationAdmitted
  | ApplicationRejected
  | ApplicationWaitlisted
  | SeatOffered
  | OfferAccepted
  | OfferDeclined
  | OfferExpired
  | AttendanceRecorded
  | EnrollmentCompleted
  | LearnerDropped
  | ApplicationWithdrawn
  | EnrollmentCancelled
  | ApplicationNotAdmitted;
