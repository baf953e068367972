import type {
  ApplicationNotAdmitted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
} from '@sooc/enrollment-domain/published';
import type { RecordedEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { onApplicationDecided, onApplicationSubmitted } from './admission.reactions';
import type { CohortReaction } from './cohort.reaction';
import {
  onApplicationNotAdmitted,
  onApplicationWithdrawn,
  onOfferAccepted,
  onOfferDeclined,
  onOfferExpired,
} from './seat-release.reactions';

type ReactedEvent =
  | ApplicationSubmitted
  | ApplicationDecided
  | ApplicationWithdrawn
  | OfferDeclined
  | OfferExpired
  | OfferAccepted
  | ApplicationNotAdmitted;

const REACTED: { readonly [T in ReactedEvent['type']]: true } = {
  ApplicationSubmitted: true,
  ApplicationDecided: true,
  ApplicationWithdrawn: true,
  OfferDeclined: true,
  OfferExpired: true,
  OfferAccepted: true,
  ApplicationNotAdmitted: true,
};

/** The events the cohort's process managers react to (the reactor subscribes to them). */
export const COHORT_REACTED_EVENT_TYPES: readonly ReactedEvent['type'][] = Object.keys(
  REACTED,
) as ReactedEvent['type'][];

const isReacted = (event: RecordedEvent): event is RecordedEvent<ReactedEvent> => Object.hasOwn(REACTED, event.type);

/**
 * The cohort commands another context's event calls for: admissions and seat moves of the
 * ledger. Pure: the same event always gives the same reactions, and the cohort answers a repeat
 * with nothing, so the reactor may replay events after a crash.
 */
export function cohortReactionsTo(event: RecordedEvent): CohortReaction[] {
  if (!isReacted(event)) return [];
  switch (event.type) {
    case 'ApplicationSubmitted':
      return onApplicationSubmitted(event);
    case 'ApplicationDecided':
      return onApplicationDecided(event);
    case 'ApplicationWithdrawn':
      return onApplicationWithdrawn(event);
    case 'OfferDeclined':
      return onOfferDeclined(event);
    case 'OfferExpired':
      return onOfferExpired(event);
    case 'OfferAccepted':
      return onOfferAccepted(event);
    case 'ApplicationNotAdmitted':
      return onApplicationNotAdmitted(event);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
