import type {
  ApplicantWaitlisted,
  ConfirmSeat,
  ReleaseSeat,
  SeatReleaseReason,
  SeatReserved,
} from '@sooc/cohorts-domain';
import type {
  ApplicationNotAdmitted,
  ApplicationWithdrawn,
  EnrollmentRef,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferSeat,
  RecordWaitlisting,
} from '@sooc/enrollment-domain';
import { toCohort, toEnrollment } from './reaction.builders';
import type { Reaction } from './reaction.types';

/** The cohort held a seat (on arrival or from the waitlist): the learner gets an offer until it lapses. */
export function onSeatReserved({ data }: SeatReserved): Reaction[] {
  const { enrollmentId, cohortId, learnerId, offerExpiresAt, promoted, reason } = data;
  return [
    toEnrollment<OfferSeat>({
      type: 'OfferSeat',
      data: { enrollmentId, cohortId, learnerId, expiresAt: offerExpiresAt, promoted, reason },
    }),
  ];
}

export function onApplicantWaitlisted({ data }: ApplicantWaitlisted): Reaction[] {
  const { enrollmentId, cohortId, learnerId, reason } = data;
  return [
    toEnrollment<RecordWaitlisting>({ type: 'RecordWaitlisting', data: { enrollmentId, cohortId, learnerId, reason } }),
  ];
}

/**
 * Whatever ends an application or an offer frees what the learner held in the ledger — a seat,
 * which the cohort then offers to the next on its waitlist, or a waitlist place. The cohort
 * answers with nothing when the learner held neither, so every end can send it.
 */
const release = ({ enrollmentId, cohortId }: EnrollmentRef, reason: SeatReleaseReason): Reaction[] => [
  toCohort<ReleaseSeat>({ type: 'ReleaseSeat', data: { cohortId, enrollmentId, reason } }),
];

export const onApplicationWithdrawn = ({ data }: ApplicationWithdrawn) => release(data, 'withdrawn');
export const onOfferDeclined = ({ data }: OfferDeclined) => release(data, 'declined');
export const onOfferExpired = ({ data }: OfferExpired) => release(data, 'expired');
/** The seat (or waitlist place) of an application the start of its cohort ended; no promotion in a running cohort. */
export const onApplicationNotAdmitted = ({ data }: ApplicationNotAdmitted) => release(data, 'not-admitted');

export function onOfferAccepted({ data }: OfferAccepted): Reaction[] {
  return [
    toCohort<ConfirmSeat>({ type: 'ConfirmSeat', data: { cohortId: data.cohortId, enrollmentId: data.enrollmentId } }),
  ];
}
