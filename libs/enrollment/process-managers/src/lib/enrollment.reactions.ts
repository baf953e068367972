import type {
  ApplicantWaitlisted,
  CohortCancelled,
  CohortCompleted,
  CohortStarted,
  SeatReserved,
} from '@sooc/cohorts-domain/published';
import type { RecordedEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { onApplicationDecided } from './admission.reactions';
import { onCohortCancelled, onCohortCompleted, onCohortStarted } from './cohort-lifecycle.reactions';
import type { EnrollmentReaction } from './reaction.types';
import { onApplicantWaitlisted, onSeatReserved } from './seat.reactions';

type ReactedEvent =
  ApplicationDecided | SeatReserved | ApplicantWaitlisted | CohortStarted | CohortCompleted | CohortCancelled;

const REACTED: { readonly [T in ReactedEvent['type']]: true } = {
  ApplicationDecided: true,
  SeatReserved: true,
  ApplicantWaitlisted: true,
  CohortStarted: true,
  CohortCompleted: true,
  CohortCancelled: true,
};

/** The events the enrollment's process managers react to (the reactor subscribes to them). */
export const ENROLLMENT_REACTED_EVENT_TYPES: readonly ReactedEvent['type'][] = Object.keys(
  REACTED,
) as ReactedEvent['type'][];

const isReacted = (event: RecordedEvent): event is RecordedEvent<ReactedEvent> => Object.hasOwn(REACTED, event.type);

/**
 * The enrollment commands another context's event calls for, in the order they must be sent:
 * decisions, offers and waitlist places carried to the learner's enrollment, and the end of the
 * cohort carried to each learner. Pure: the same event always gives the same reactions, and the
 * enrollment answers a repeat with nothing, so the reactor may replay events after a crash.
 */
export function enrollmentReactionsTo(event: RecordedEvent): EnrollmentReaction[] {
  if (!isReacted(event)) return [];
  switch (event.type) {
    case 'ApplicationDecided':
      return onApplicationDecided(event);
    case 'SeatReserved':
      return onSeatReserved(event);
    case 'ApplicantWaitlisted':
      return onApplicantWaitlisted(event);
    case 'CohortStarted':
      return onCohortStarted(event);
    case 'CohortCompleted':
      return onCohortCompleted(event);
    case 'CohortCancelled':
      return onCohortCancelled(event);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
