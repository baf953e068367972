import type { ApplicantWaitlisted, SeatReserved } from '@sooc/cohorts-domain/published';
import type { OfferSeat, RecordWaitlisting } from '@sooc/enrollment-domain';
import { toEnrollment } from './reaction.builders';
import type { EnrollmentReaction } from './reaction.types';

/** The cohort held a seat (on arrival or from the waitlist): the learner gets an offer until it lapses. */
export function onSeatReserved({ data }: SeatReserved): EnrollmentReaction[] {
  const { enrollmentId, cohortId, learnerId, offerExpiresAt, promoted, reason } = data;
  return [
    toEnrollment<OfferSeat>({
      type: 'OfferSeat',
      data: { enrollmentId, cohortId, learnerId, expiresAt: offerExpiresAt, promoted, reason },
    }),
  ];
}

export function onApplicantWaitlisted({ data }: ApplicantWaitlisted): EnrollmentReaction[] {
  const { enrollmentId, cohortId, learnerId, reason } = data;
  return [
    toEnrollment<RecordWaitlisting>({ type: 'RecordWaitlisting', data: { enrollmentId, cohortId, learnerId, reason } }),
  ];
}
