import type { Actor, Command } from '@sooc/event-sourcing';
import type { ApplicationWindow, CohortStatus, SelectionPolicy } from '@sooc/cohorts-domain/published';
import type { Dossier, EnrollmentRef } from './enrollment.events';

/** The cohort as the handler read it: the enrollment decider decides what it allows. */
export interface CohortSnapshot {
  readonly status: CohortStatus | 'none';
  readonly selectionPolicy: SelectionPolicy;
  /** The course's prerequisites, checked against the dossier. */
  readonly prerequisites: readonly string[];
  readonly sessions: number;
  /** The window in effect (moved to the opening instant if opened early); null for an unknown cohort. */
  readonly applicationWindow: ApplicationWindow | null;
}

export type SubmitApplication = Command<
  'SubmitApplication',
  EnrollmentRef & { readonly dossier: Dossier; readonly cohort: CohortSnapshot }
>;
export type WithdrawApplication = Command<'WithdrawApplication', EnrollmentRef & { readonly reason: string | null }>;
/** A selection decision carried over by the reactor. */
export type RecordDecision = Command<
  'RecordDecision',
  EnrollmentRef & {
    readonly decision: 'admit' | 'reject' | 'waitlist';
    readonly by: Actor;
    readonly reason: string;
    readonly decisionId: string;
  }
>;
/** The cohort put the applicant on its waitlist (no seat free in their pool). */
export type RecordWaitlisting = Command<'RecordWaitlisting', EnrollmentRef & { readonly reason: string }>;
/** The cohort reserved a seat: offer it until `expiresAt`. */
export type OfferSeat = Command<
  'OfferSeat',
  EnrollmentRef & { readonly expiresAt: string; readonly promoted: boolean; readonly reason: string }
>;
export type AcceptOffer = Command<'AcceptOffer', EnrollmentRef>;
export type DeclineOffer = Command<'DeclineOffer', EnrollmentRef & { readonly reason: string | null }>;
/** Sent by the reactor when the clock passes the offer's expiry; nothing when the offer already ended. */
export type ExpireOffer = Command<'ExpireOffer', EnrollmentRef>;
export type RecordAttendance = Command<
  'RecordAttendance',
  EnrollmentRef & { readonly session: number; readonly attended: boolean; readonly cohort: CohortSnapshot }
>;
export type CompleteEnrollment = Command<
  'CompleteEnrollment',
  EnrollmentRef & { readonly sessions: number; readonly completionThreshold: number }
>;
export type CancelEnrollment = Command<'CancelEnrollment', EnrollmentRef & { readonly reason: string }>;
/** Sent by the reactor for the waitlisted and open offers of a cohort that started. */
export type EndAtCohortStart = Command<'EndAtCohortStart', EnrollmentRef & { readonly reason: string }>;

export type EnrollmentCommand =
  | SubmitApplication
  | WithdrawApplication
  | RecordDecision
  | RecordWaitlisting
  | OfferSeat
  | AcceptOffer
  | DeclineOffer
  | ExpireOffer
  | RecordAttendance
  | CompleteEnrollment
  | CancelEnrollment
  | EndAtCohortStart;
