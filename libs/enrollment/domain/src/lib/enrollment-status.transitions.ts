import type { EnrollmentEvent } from './enrollment.events';
import type { EnrollmentStatus } from './enrollment.state';

/** Statuses an enrollment can be in without having ended: withdrawal and cancellation apply to these. */
export const OPEN_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'submitted',
  'admitted',
  'waitlisted',
  'offered',
  'enrolled',
];

/** Applications the start of their cohort ends: everything short of an accepted offer. */
export const NOT_ADMITTED_AT_START: readonly EnrollmentStatus[] = ['submitted', 'admitted', 'waitlisted', 'offered'];

export interface StatusTransition {
  readonly from: readonly EnrollmentStatus[];
  readonly to: EnrollmentStatus;
}

/**
 * The enrollment's status machine, once: which event moves an enrollment from which statuses to
 * which. The decider's evolve follows it, and so does every read model that shows a status (the
 * applications list, a cohort's counts by status): a stray or misordered event never moves an
 * enrollment back or out of a final status, in the domain or in a view. A submission starts the
 * machine (`submitted`, or `ineligible`); AttendanceRecorded moves nothing but needs `enrolled`.
 */
export const ENROLLMENT_TRANSITIONS: Readonly<Partial<Record<EnrollmentEvent['type'], StatusTransition>>> = {
  ApplicationAdmitted: { from: ['submitted'], to: 'admitted' },
  ApplicationRejected: { from: ['submitted'], to: 'rejected' },
  ApplicationWaitlisted: { from: ['submitted', 'admitted'], to: 'waitlisted' },
  SeatOffered: { from: ['admitted', 'waitlisted'], to: 'offered' },
  OfferAccepted: { from: ['offered'], to: 'enrolled' },
  OfferDeclined: { from: ['offered'], to: 'declined' },
  OfferExpired: { from: ['offered'], to: 'expired' },
  AttendanceRecorded: { from: ['enrolled'], to: 'enrolled' },
  EnrollmentCompleted: { from: ['enrolled'], to: 'completed' },
  LearnerDropped: { from: ['enrolled'], to: 'dropped' },
  ApplicationWithdrawn: { from: OPEN_ENROLLMENT_STATUSES, to: 'withdrawn' },
  EnrollmentCancelled: { from: OPEN_ENROLLMENT_STATUSES, to: 'cancelled' },
  ApplicationNotAdmitted: { from: NOT_ADMITTED_AT_START, to: 'not-admitted' },
};

/** The status `event` moves an enrollment in `current` to, or null when it moves nothing. */
export function statusAfter(current: EnrollmentStatus, eventType: string): EnrollmentStatus | null {
  const transition = ENROLLMENT_TRANSITIONS[eventType as EnrollmentEvent['type']];
  return transition && transition.from.includes(current) ? transition.to : null;
}

/** The status a submission starts in. */
export const submittedStatus = (eligible: boolean): EnrollmentStatus => (eligible ? 'submitted' : 'ineligible');
