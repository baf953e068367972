import { IllegalStateError, FieldProblems } from '@sooc/event-sourcing';
import type { AcceptOffer, DeclineOffer, ExpireOffer, OfferSeat } from './enrollment.commands';
import type { EnrollmentEvent, SeatOffered } from './enrollment.events';
import type { EnrollmentState } from './enrollment.state';
import { normalizeReason } from './dossier.rules';
import { isPastExpiry, noOpenOffer, offerExpired, refOf, requireExisting } from './enrollment.rules';

/** Canonical UTC form, so the expiry of a replayed reservation compares equal to the stored one. */
function canonicalExpiry(expiresAt: unknown): string {
  const ms = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
  const problems = new FieldProblems();
  problems.require(!Number.isNaN(ms), 'expiresAt', 'ENROLLMENT.OFFER_INVALID', 'expiresAt must be an ISO-8601 instant');
  problems.throwIfAny('The seat offer is invalid');
  return new Date(ms).toISOString();
}

export function offerSeat(command: OfferSeat, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  const expiresAt = canonicalExpiry(command.data.expiresAt);
  const { promoted, reason } = command.data;
  const offered: SeatOffered = {
    type: 'SeatOffered',
    data: { ...refOf(existing), expiresAt, promotedFromWaitlist: promoted, reason },
  };
  switch (existing.status) {
    case 'submitted':
      if (existing.selectionPolicy !== 'first-come') {
        throw new IllegalStateError(
          'ENROLLMENT.NOT_ADMITTED',
          `Application ${existing.enrollmentId} awaits a selection decision: no seat can be offered yet`,
          {
            enrollmentId: existing.enrollmentId,
            status: existing.status,
          },
        );
      }
      // First come, first served: the free seat is the admission, recorded as such for the audit trail.
      return [
        {
          type: 'ApplicationAdmitted',
          data: { ...refOf(existing), by: command.metadata.actor, reason: `first-come: ${reason}`, decisionId: null },
        },
        offered,
      ];
    case 'admitted':
    case 'waitlisted':
      return [offered];
    case 'offered':
      if (existing.offerExpiresAt === expiresAt) return [];
      throw new IllegalStateError(
        'ENROLLMENT.ALREADY_OFFERED',
        `Application ${existing.enrollmentId} already holds an open offer until ${String(existing.offerExpiresAt)}`,
        {
          enrollmentId: existing.enrollmentId,
          expiresAt: existing.offerExpiresAt,
        },
      );
    default:
      // Enrolled (a replayed reservation) or gone meanwhile: the reactor releases the seat on its own.
      return [];
  }
}

export function acceptOffer(command: AcceptOffer, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  switch (existing.status) {
    case 'offered':
      if (isPastExpiry(existing, command.metadata.now)) throw offerExpired(existing);
      return [{ type: 'OfferAccepted', data: refOf(existing) }];
    case 'enrolled':
      return [];
    // The same answer whether or not the reactor's timer has fired yet.
    case 'expired':
      throw offerExpired(existing);
    default:
      throw noOpenOffer(existing);
  }
}

export function declineOffer(command: DeclineOffer, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  switch (existing.status) {
    case 'offered': {
      if (isPastExpiry(existing, command.metadata.now)) throw offerExpired(existing);
      const reason = normalizeReason(command.data.reason);
      return [{ type: 'OfferDeclined', data: { ...refOf(existing), reason } }];
    }
    case 'declined':
      return [];
    case 'expired':
      throw offerExpired(existing);
    default:
      throw noOpenOffer(existing);
  }
}

/** The reactor's timer may fire early, late or twice: only a due, still open offer expires. */
export function expireOffer(command: ExpireOffer, state: EnrollmentState): EnrollmentEvent[] {
  if (state.status !== 'offered' || !isPastExpiry(state, command.metadata.now)) return [];
  return [{ type: 'OfferExpired', data: { ...refOf(state), expiresAt: state.offerExpiresAt as string } }];
}
