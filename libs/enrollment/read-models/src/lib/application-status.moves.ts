import type { EnrollmentEvent, EnrollmentStatus } from '@sooc/enrollment-domain';

/** Every status from which the learner may still leave (withdraw) or be cancelled with the cohort. */
const OPEN_STATUSES: readonly EnrollmentStatus[] = ['submitted', 'admitted', 'waitlisted', 'offered', 'enrolled'];

/**
 * The moves of the enrollment decider's evolve, so a stray or misordered event never moves a row
 * backwards or out of a final status. AttendanceRecorded moves nothing but needs `enrolled`.
 */
export const APPLICATION_MOVES: Partial<
  Record<EnrollmentEvent['type'], { readonly from: readonly EnrollmentStatus[]; readonly to: EnrollmentStatus }>
> = {
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
  ApplicationWithdrawn: { from: OPEN_STATUSES, to: 'withdrawn' },
  EnrollmentCancelled: { from: OPEN_STATUSES, to: 'cancelled' },
  ApplicationNotAdmitted: { from: ['submitted', 'admitted', 'waitlisted', 'offered'], to: 'not-admitted' },
};
