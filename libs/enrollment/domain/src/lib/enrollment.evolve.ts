import { statusAfter, submittedStatus } from './enrollment-status.transitions';
import type { EnrollmentEvent } from './enrollment.events';
import type { EnrollmentState } from './enrollment.state';

/** Moves as the transition table says: a stray or repeated event never moves an enrollment back. */
function move(state: EnrollmentState, event: EnrollmentEvent, changes: object = {}): EnrollmentState {
  if (state.status === 'none') return state;
  const to = statusAfter(state.status, event.type);
  return to === null ? state : { ...state, ...changes, status: to };
}

export function evolveEnrollment(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  switch (event.type) {
    case 'ApplicationSubmitted': {
      if (state.status !== 'none') return state;
      const { enrollmentId, cohortId, learnerId, dossier, selectionPolicy, eligible, unmetPrerequisites } = event.data;
      return {
        status: submittedStatus(eligible),
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
      return move(state, event, { decisionId: event.data.decisionId });
    case 'ApplicationRejected':
      return move(state, event, { decisionId: event.data.decisionId });
    case 'ApplicationWaitlisted': {
      // A waitlisting by the cohort (no decision id) keeps the selection decision that admitted them.
      if (state.status === 'none') return state;
      return move(state, event, { decisionId: event.data.decisionId ?? state.decisionId });
    }
    case 'SeatOffered':
      return move(state, event, { offerExpiresAt: event.data.expiresAt });
    case 'OfferAccepted':
    case 'OfferDeclined':
    case 'OfferExpired':
    case 'EnrollmentCompleted':
    case 'LearnerDropped':
    case 'ApplicationWithdrawn':
    case 'EnrollmentCancelled':
    case 'ApplicationNotAdmitted':
      return move(state, event);
    case 'AttendanceRecorded':
      if (state.status !== 'enrolled') return state;
      return { ...state, attendance: { ...state.attendance, [String(event.data.session)]: event.data.attended } };
    default:
      return state;
  }
}
