import type {
  ApplicantWaitlisted,
  CohortCancelled,
  CohortCompleted,
  CohortStarted,
  SeatReserved,
} from '@sooc/cohorts-domain';
import type {
  ApplicationNotAdmitted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
} from '@sooc/enrollment-domain';
import type { RecordedEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided } from '@sooc/selection-domain';
import { onApplicationDecided, onApplicationSubmitted } from './admission.reactions';
import { onCohortCancelled, onCohortCompleted, onCohortStarted } from './cohort-lifecycle.reactions';
import type { Reaction } from './reaction.types';
import {
  onApplicantWaitlisted,
  onApplicationNotAdmitted,
  onApplicationWithdrawn,
  onOfferAccepted,
  onOfferDeclined,
  onOfferExpired,
  onSeatReserved,
} from './seat.reactions';

type ReactedEvent =
  | ApplicationSubmitted
  | ApplicationDecided
  | SeatReserved
  | ApplicantWaitlisted
  | ApplicationWithdrawn
  | OfferDeclined
  | OfferExpired
  | OfferAccepted
  | CohortStarted
  | ApplicationNotAdmitted
  | CohortCompleted
  | CohortCancelled;

const REACTED: { readonly [T in ReactedEvent['type']]: true } = {
  ApplicationSubmitted: true,
  ApplicationDecided: true,
  SeatReserved: true,
  ApplicantWaitlisted: true,
  ApplicationWithdrawn: true,
  OfferDeclined: true,
  OfferExpired: true,
  OfferAccepted: true,
  CohortStarted: true,
  ApplicationNotAdmitted: true,
  CohortCompleted: true,
  CohortCancelled: true,
};

/** The reactor's subscription filter: every other event is of no interest to a process manager. */
export const REACTED_EVENT_TYPES: readonly ReactedEvent['type'][] = Object.keys(REACTED) as ReactedEvent['type'][];

const isReacted = (event: RecordedEvent): event is RecordedEvent<ReactedEvent> => Object.hasOwn(REACTED, event.type);

/**
 * The commands an event calls for, in the order they must be sent. Pure: the same event always
 * gives the same reactions, and every receiving decider answers a repeat with nothing, so the
 * reactor may replay events after a crash.
 */
export function reactTo(event: RecordedEvent): Reaction[] {
  if (!isReacted(event)) return [];
  switch (event.type) {
    case 'ApplicationSubmitted':
      return onApplicationSubmitted(event);
    case 'ApplicationDecided':
      return onApplicationDecided(event);
    case 'SeatReserved':
      return onSeatReserved(event);
    case 'ApplicantWaitlisted':
      return onApplicantWaitlisted(event);
    case 'ApplicationWithdrawn':
      return onApplicationWithdrawn(event);
    case 'OfferDeclined':
      return onOfferDeclined(event);
    case 'OfferExpired':
      return onOfferExpired(event);
    case 'OfferAccepted':
      return onOfferAccepted(event);
    case 'CohortStarted':
      return onCohortStarted(event);
    case 'ApplicationNotAdmitted':
      return onApplicationNotAdmitted(event);
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
