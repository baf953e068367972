import type { EnrollmentEvent } from './enrollment.events';
import type { EnrollmentState, EnrollmentStatus } from './enrollment.state';

/** Moves to `to` only from one of `from`: a stray or repeated event never moves an enrollment back. */
function move(
  state: EnrollmentState,
  from: readonly EnrollmentStatus[],
  to: EnrollmentStatus,
  changes: object = {},
): EnrollmentState {
  if (state.status === 'none' || !from.includes(state.status)) return state;
  return { ...state, ...changes, status: to };
}

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

export function evolveEnrollment(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  switch (event.type) {
    case 'ApplicationSubmitted': {
      if (state.status !== 'none') return state;
      const { enrollmentId, cohortId, learnerId, dossier, selectionPolicy, eligible, unmetPrerequisites } = event.data;
      return {
        status: eligible ? 'submitted' : 'ineligible',
        enrollmentId,
        cohortId,
        learnerId,
        dossier,
        selectionPolicy,
        unmetPrerequisites,
        offerExpiresAt: null,
        attendance: {},
        decisionId: null,
      };
    }
    case 'ApplicationAdmitted':
      return move(state, ['submitted'], 'admitted', { decisionId: event.data.decisionId });
    case 'ApplicationRejected':
      return move(state, ['submitted'], 'rejected', { decisionId: event.data.decisionId });
    case 'ApplicationWaitlisted': {
      // A waitlisting by the cohort (no decision id) keeps the selection decision that admitted them.
      if (state.status === 'none') return state;
      return move(state, ['submitted', 'admitted'], 'waitlisted', {
        decisionId: event.data.decisionId ?? state.decisionId,
      });
    }
    case 'SeatOffered':
      return move(state, ['admitted', 'waitlisted'], 'offered', { offerExpiresAt: event.data.expiresAt });
    case 'OfferAccepted':
      return move(state, ['offered'], 'enrolled');
    case 'OfferDeclined':
      return move(state, ['offered'], 'declined');
    case 'OfferExpired':
      return move(state, ['offered'], 'expired');
    case 'AttendanceRecorded':
      if (state.status !== 'enrolled') return state;
      return { ...state, attendance: { ...state.attendance, [String(event.data.session)]: event.data.attended } };
    case 'EnrollmentCompleted':
      return move(state, ['enrolled'], 'completed');
    case 'LearnerDropped':
      return move(state, ['enrolled'], 'dropped');
    case 'ApplicationWithdrawn':
      return move(state, OPEN_ENROLLMENT_STATUSES, 'withdrawn');
    case 'EnrollmentCancelled':
      return move(state, OPEN_ENROLLMENT_STATUSES, 'cancelled');
    case 'ApplicationNotAdmitted':
      return move(state, NOT_ADMITTED_AT_START, 'not-admitted');
    default:
      return state;
  }
}
