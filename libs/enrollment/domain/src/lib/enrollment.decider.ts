import type { Decider } from '@sooc/event-sourcing';
import {
  cancelEnrollment,
  endAtCohortStart,
  recordDecision,
  recordWaitlisting,
  submitApplication,
  withdrawApplication,
} from './application.decide';
import { completeEnrollment, recordAttendance } from './attendance.decide';
import type { EnrollmentCommand } from './enrollment.commands';
import type { EnrollmentEvent } from './enrollment.events';
import { evolveEnrollment } from './enrollment.evolve';
import type { EnrollmentState } from './enrollment.state';
import { acceptOffer, declineOffer, expireOffer, offerSeat } from './offer.decide';

export function decideEnrollment(command: EnrollmentCommand, state: EnrollmentState): readonly EnrollmentEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submitApplication(command, state);
    case 'WithdrawApplication':
      return withdrawApplication(command, state);
    case 'RecordDecision':
      return recordDecision(command, state);
    case 'RecordWaitlisting':
      return recordWaitlisting(command, state);
    case 'OfferSeat':
      return offerSeat(command, state);
    case 'AcceptOffer':
      return acceptOffer(command, state);
    case 'DeclineOffer':
      return declineOffer(command, state);
    case 'ExpireOffer':
      return expireOffer(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'CompleteEnrollment':
      return completeEnrollment(command, state);
    case 'CancelEnrollment':
      return cancelEnrollment(command, state);
    case 'EndAtCohortStart':
      return endAtCohortStart(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown enrollment command ${JSON.stringify(unknown)}`);
    }
  }
}

export const enrollmentDecider: Decider<EnrollmentCommand, EnrollmentEvent, EnrollmentState> = {
  decide: decideEnrollment,
  evolve: evolveEnrollment,
  initialState: () => ({ status: 'none' }),
};
