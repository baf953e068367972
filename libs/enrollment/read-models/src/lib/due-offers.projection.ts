import type { EnrollmentEvent } from '@sooc/enrollment-domain';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { DueOfferRow } from './due-offers.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

export type DueOfferEvent = Extract<
  EnrollmentEvent,
  {
    type:
      | 'SeatOffered'
      | 'OfferAccepted'
      | 'OfferDeclined'
      | 'OfferExpired'
      | 'ApplicationWithdrawn'
      | 'EnrollmentCancelled'
      | 'ApplicationNotAdmitted';
  }
>;

export const DUE_OFFER_PROJECTION_EVENTS = [
  'SeatOffered',
  'OfferAccepted',
  'OfferDeclined',
  'OfferExpired',
  'ApplicationWithdrawn',
  'EnrollmentCancelled',
  'ApplicationNotAdmitted',
] as const satisfies readonly DueOfferEvent['type'][];

/**
 * One row per open offer; any end of the offer deletes it. A deleted row keeps no position, so an
 * event redelivered after the delete may bring the row back until the event that ended the offer
 * is redelivered too: the reactor's expire command is idempotent and finds nothing to do then.
 */
export function applyDueOfferEvent(row: DueOfferRow | null, event: RecordedEvent<DueOfferEvent>): DueOfferRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  if (event.type !== 'SeatOffered') return null;
  const d = event.data;
  return {
    enrollment_id: d.enrollmentId,
    cohort_id: d.cohortId,
    learner_id: d.learnerId,
    expires_at: d.expiresAt,
    last_position: positionKey(event.position),
  };
}

/** Not among `enrollmentProjections`: the reactor runs it itself, next to the timer that reads it. */
export const dueOffersProjection: Projection<DueOfferRow, DueOfferEvent> = {
  name: 'reactor.due-offers',
  table: 'due_offers',
  keyColumn: 'enrollment_id',
  handles: DUE_OFFER_PROJECTION_EVENTS,
  keyOf: (event) => event.data.enrollmentId,
  apply: applyDueOfferEvent,
};
