import type { Command } from '@sooc/event-sourcing';
import type { CohortSettings } from './cohort-settings';
import type { ApplicationWindow } from './cohort.events';
import type { CourseState } from './course.state';
import type { Applicant, SeatReleaseReason } from './seat-ledger.types';

export interface PlanCohortData {
  readonly cohortId: string;
  readonly courseId: string;
  readonly title: string;
  readonly capacity: number;
  readonly applicationWindow: ApplicationWindow;
  readonly startsOn: string;
  readonly endsOn: string;
  /**
   * The course as the handler folded it from its own stream: a cohort can only be planned for
   * a course that exists, and the decider (not the handler) decides what that means.
   */
  readonly course: CourseState;
}

type CohortId = { readonly cohortId: string };

export type PlanCohort = Command<'PlanCohort', PlanCohortData>;
export type OpenApplications = Command<'OpenApplications', CohortId>;
/**
 * `because: 'window-ended'` is the reactor's, sent when its clock passes `closesAt`: refused
 * before that instant, and nothing once applications are closed (so a repeat writes nothing).
 */
export type CloseApplications = Command<
  'CloseApplications',
  CohortId & { readonly because?: 'admin' | 'window-ended' }
>;
/** Only the given settings change; allowed until the cohort completes or is cancelled. */
export type ConfigureCohort = Command<'ConfigureCohort', CohortId & { readonly changes: Partial<CohortSettings> }>;
export type SetCompanyQuota = Command<
  'SetCompanyQuota',
  CohortId & { readonly companyId: string; readonly seats: number }
>;
export type ChangeCapacity = Command<'ChangeCapacity', CohortId & { readonly capacity: number }>;
/**
 * Seat the applicant if their pool has a free seat and nobody waits ahead of them in it,
 * otherwise waitlist them. Sent by the reactor (first-come arrival, or an admit decision).
 */
export type AdmitApplicant = Command<
  'AdmitApplicant',
  CohortId & {
    readonly applicant: Applicant;
    readonly score: number | null;
    /** Set when a selection decision is applied: the resulting event records the ledger it met. */
    readonly decisionId?: string | null;
  }
>;
/** A review decision to waitlist: a place in the queue, never a seat directly. */
export type WaitlistApplicant = Command<
  'WaitlistApplicant',
  CohortId & { readonly applicant: Applicant; readonly score: number | null; readonly decisionId?: string | null }
>;
/** Frees the applicant's seat (and offers it on) or takes them off the waitlist; nothing if they hold neither. */
export type ReleaseSeat = Command<
  'ReleaseSeat',
  CohortId & { readonly enrollmentId: string; readonly reason: SeatReleaseReason }
>;
export type ConfirmSeat = Command<'ConfirmSeat', CohortId & { readonly enrollmentId: string }>;
export type StartCohort = Command<'StartCohort', CohortId>;
export type CompleteCohort = Command<'CompleteCohort', CohortId>;
export type CancelCohort = Command<'CancelCohort', CohortId & { readonly reason: string }>;
/** `targetSize` null → the cohort's setting. The same seed over the same learners gives the same groups. */
export type FormGroups = Command<
  'FormGroups',
  CohortId & { readonly targetSize: number | null; readonly seed: string }
>;

export type CohortCommand =
  | PlanCohort
  | OpenApplications
  | CloseApplications
  | ConfigureCohort
  | SetCompanyQuota
  | ChangeCapacity
  | AdmitApplicant
  | WaitlistApplicant
  | ReleaseSeat
  | ConfirmSeat
  | StartCohort
  | CompleteCohort
  | CancelCohort
  | FormGroups;
