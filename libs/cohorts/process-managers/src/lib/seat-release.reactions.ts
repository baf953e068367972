import type { ConfirmSeat, ReleaseSeat, SeatReleaseReason } from '@sooc/cohorts-domain';
import type {
  ApplicationNotAdmitted,
  ApplicationWithdrawn,
  EnrollmentRef,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
} from '@sooc/enrollment-domain/published';
import { toCohort, type CohortReaction } from './cohort.reaction';

/**
 * Whatever ends an application or an offer frees what the learner held in the ledger — a seat,
 * which the cohort then offers to the next on its waitlist, or a waitlist place. The cohort
 * answers with nothing when the learner held neither, so every end can send it.
 */
const release = ({ enrollmentId, cohortId }: EnrollmentRef, reason: SeatReleaseReason): CohortReaction[] => [
  toCohort<ReleaseSeat>({ type: 'ReleaseSeat', data: { cohortId, enrollmentId, reason } }),
];

export const onApplicationWithdrawn = ({ data }: ApplicationWithdrawn) => release(data, 'withdrawn');
export const onOfferDeclined = ({ data }: OfferDeclined) => release(data, 'declined');
export const onOfferExpired = ({ data }: OfferExpired) => release(data, 'expired');
/** The seat (or waitlist place) of an application the start of its cohort ended; no promotion in a running cohort. */
export const onApplicationNotAdmitted = ({ data }: ApplicationNotAdmitted) => release(data, 'not-admitted');

/** The enrollment is the truth about the offer: once accepted there, the cohort confirms the seat. */
export function onOfferAccepted({ data }: OfferAccepted): CohortReaction[] {
  return [
    toCohort<ConfirmSeat>({ type: 'ConfirmSeat', data: { cohortId: data.cohortId, enrollmentId: data.enrollmentId } }),
  ];
}
