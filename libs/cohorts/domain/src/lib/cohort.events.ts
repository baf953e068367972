import type { DomainEvent } from '@sooc/event-sourcing';
import type { CohortSettings } from './cohort-settings';
import type { SelectionPolicy } from './course.events';
import type { Applicant, SeatReleaseReason } from './seat-ledger.types';
import type { SeatSnapshot } from './seat-snapshot.query';

/** ISO-8601 instants; the window is half-open [opensAt, closesAt). */
export interface ApplicationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface CohortPlannedData {
  readonly cohortId: string;
  readonly courseId: string;
  readonly title: string;
  readonly capacity: number;
  readonly applicationWindow: ApplicationWindow;
  /** Calendar dates, YYYY-MM-DD. */
  readonly startsOn: string;
  readonly endsOn: string;
  /** Copied from the course when planned: the cohort keeps the policy it was planned with. */
  readonly selectionPolicy: SelectionPolicy;
}

export interface EnrollmentRef {
  readonly enrollmentId: string;
  readonly learnerId: string;
}

export type CohortPlanned = DomainEvent<'CohortPlanned', CohortPlannedData>;
/**
 * `applicationWindow` is the window in effect from now on: opened before the planned `opensAt`,
 * the window opens at the moment of opening (an admin who opens early means it). Absent in
 * events written before issue 10: the planned window holds.
 */
export type ApplicationsOpened = DomainEvent<
  'ApplicationsOpened',
  { readonly cohortId: string; readonly applicationWindow?: ApplicationWindow }
>;
/** Why applications closed: by an admin, or by themselves at `closesAt`. */
export type ApplicationsClosedBecause = 'admin' | 'window-ended';
/** `because` absent (events before issue 10): closed by an admin. */
export type ApplicationsClosed = DomainEvent<
  'ApplicationsClosed',
  { readonly cohortId: string; readonly because?: ApplicationsClosedBecause }
>;
/** Carries the whole settings after the change, so a reader never merges partial updates. */
export type CohortConfigured = DomainEvent<
  'CohortConfigured',
  { readonly cohortId: string; readonly settings: CohortSettings }
>;
/** `seats: 0` removes the company's quota: its learners compete for open seats again. */
export type CompanyQuotaSet = DomainEvent<
  'CompanyQuotaSet',
  { readonly cohortId: string; readonly companyId: string; readonly seats: number; readonly previous: number }
>;
export type CapacityChanged = DomainEvent<
  'CapacityChanged',
  { readonly cohortId: string; readonly from: number; readonly to: number }
>;

/** A seat held for an applicant while their offer is open. `pool` is the company id or OPEN_POOL. */
/**
 * A selection decision as the ledger applied it: the seats it met (the applicant's view, before
 * this event), to set beside the decision's own record.
 */
export interface AppliedDecision {
  readonly decisionId: string;
  readonly seats: SeatSnapshot;
}

export type SeatReserved = DomainEvent<
  'SeatReserved',
  Applicant & {
    /** Present when the seat answers a selection decision (absent in events before issue 10). */
    readonly appliedDecision?: AppliedDecision;
    readonly cohortId: string;
    readonly pool: string;
    readonly offerExpiresAt: string;
    /** True when the seat went to someone from the waitlist (a release, more capacity, a bigger quota). */
    readonly promoted: boolean;
    /** Human-readable: "seat free on arrival (12/30 taken)", "promoted: seat released by …". */
    readonly reason: string;
  }
>;
export type SeatConfirmed = DomainEvent<'SeatConfirmed', EnrollmentRef & { readonly cohortId: string }>;
export type SeatReleased = DomainEvent<
  'SeatReleased',
  EnrollmentRef & { readonly cohortId: string; readonly reason: SeatReleaseReason }
>;
export type ApplicantWaitlisted = DomainEvent<
  'ApplicantWaitlisted',
  Applicant & {
    /** Present when the place answers a selection decision (absent in events before issue 10). */
    readonly appliedDecision?: AppliedDecision;
    readonly cohortId: string;
    readonly pool: string;
    readonly score: number | null;
    /** Why no seat: "no free seat (30/30 taken)", "quota of acme used (5/5)", "3 learners wait ahead". */
    readonly reason: string;
  }
>;
export type WaitlistLeft = DomainEvent<
  'WaitlistLeft',
  EnrollmentRef & { readonly cohortId: string; readonly reason: SeatReleaseReason }
>;
/**
 * Lists the applicants the start leaves out (absent in events before issue 10): seats reserved
 * whose offers are still open, and the waitlist. The reactor ends each application as not admitted.
 */
export type CohortStarted = DomainEvent<
  'CohortStarted',
  {
    readonly cohortId: string;
    readonly openOffers?: readonly EnrollmentRef[];
    readonly waitlisted?: readonly EnrollmentRef[];
  }
>;
/** Lists the enrolled learners and the completion rule, so the reactor can close each enrollment without reading the cohort. */
export type CohortCompleted = DomainEvent<
  'CohortCompleted',
  {
    readonly cohortId: string;
    readonly sessions: number;
    readonly completionThreshold: number;
    readonly enrolled: readonly EnrollmentRef[];
  }
>;
/** Lists every applicant still holding a seat or a waitlist place, for the same reason. */
export type CohortCancelled = DomainEvent<
  'CohortCancelled',
  { readonly cohortId: string; readonly reason: string; readonly affected: readonly EnrollmentRef[] }
>;

export interface LearnerGroup {
  /** "g1", "g2", … within one formation. */
  readonly groupId: string;
  readonly members: readonly Applicant[];
}

/** Each formation is a new event; the latest one is the cohort's groups. */
export type GroupsFormed = DomainEvent<
  'GroupsFormed',
  {
    readonly cohortId: string;
    readonly formation: number;
    readonly targetSize: number;
    readonly seed: string;
    readonly groups: readonly LearnerGroup[];
  }
>;

export type CohortEvent =
  | CohortPlanned
  | ApplicationsOpened
  | ApplicationsClosed
  | CohortConfigured
  | CompanyQuotaSet
  | CapacityChanged
  | SeatReserved
  | SeatConfirmed
  | SeatReleased
  | ApplicantWaitlisted
  | WaitlistLeft
  | CohortStarted
  | CohortCompleted
  | CohortCancelled
  | GroupsFormed;
