import { DeciderSpecification, SPEC_ACTOR, SPEC_NOW } from '@sooc/event-sourcing';
import { enrollmentDecider } from './enrollment.decider';
import type { SeatOffered } from './enrollment.events';
import {
  AFTER_EXPIRY,
  EXPIRES_AT,
  HISTORY,
  LEARNER,
  accepted,
  admitted,
  command,
  declined,
  expired,
  offered,
  ref,
  submitted,
  submittedFirstCome,
  waitlistedByCohort,
} from '../testing/enrollment.fixture';

const spec = DeciderSpecification(enrollmentDecider);
const offer = (expiresAt = EXPIRES_AT, promoted = false, reason = offered.data.reason) =>
  command('OfferSeat', { expiresAt, promoted, reason });
const accept = (now = SPEC_NOW) => command('AcceptOffer', {}, now, LEARNER);
const decline = (reason: string | null = null, now = SPEC_NOW) => command('DeclineOffer', { reason }, now, LEARNER);
const expire = (now = AFTER_EXPIRY) => command('ExpireOffer', {}, now);
const promotedOffer: SeatOffered = {
  type: 'SeatOffered',
  data: { ...offered.data, promotedFromWaitlist: true, reason: 'promoted: seat released' },
};

describe('enrollment decider: seat offers', () => {
  describe('when none', () => {
    it('refuses offers and answers to offers of an application that does not exist', () => {
      spec.given([]).when(offer()).thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
      spec.given([]).when(accept()).thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
      spec.given([]).when(decline()).thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
    });

    it('changes nothing when an offer is due to expire', () => {
      spec.given([]).when(expire()).thenNothing();
    });
  });

  describe('when submitted', () => {
    it('admits a first-come applicant on arrival and offers the seat in one go', () => {
      spec
        .given([submittedFirstCome])
        .when(offer())
        .then([
          {
            type: 'ApplicationAdmitted',
            data: { ...ref, by: SPEC_ACTOR, reason: `first-come: ${offered.data.reason}`, decisionId: null },
          },
          offered,
        ]);
    });

    it('refuses a seat to an application still awaiting its review', () => {
      spec.given([submitted]).when(offer()).thenThrows('ENROLLMENT.NOT_ADMITTED', 'illegal-state');
    });

    it('refuses an expiry that is not an instant', () => {
      spec.given([submittedFirstCome]).when(offer('next week')).thenThrows('ENROLLMENT.OFFER_INVALID', 'validation');
    });

    it('has no offer to accept or decline', () => {
      const error = spec.given([submitted]).when(accept()).thenThrows('ENROLLMENT.NO_OPEN_OFFER', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, status: 'submitted' });
      spec.given([submitted]).when(decline()).thenThrows('ENROLLMENT.NO_OPEN_OFFER', 'illegal-state');
    });
  });

  describe('when admitted', () => {
    it('offers the reserved seat, with the expiry in canonical UTC form', () => {
      spec.given([submitted, admitted]).when(offer('2026-03-06T10:00:00+01:00')).then([offered]);
    });

    it('has no offer to accept yet', () => {
      spec.given([submitted, admitted]).when(accept()).thenThrows('ENROLLMENT.NO_OPEN_OFFER', 'illegal-state');
    });
  });

  describe('when waitlisted', () => {
    it('offers a seat freed for them, marked as a promotion', () => {
      spec
        .given([submittedFirstCome, waitlistedByCohort])
        .when(offer(EXPIRES_AT, true, 'promoted: seat released'))
        .then([promotedOffer]);
      spec
        .given(HISTORY.waitlisted)
        .when(offer(EXPIRES_AT, true, 'promoted: seat released'))
        .then([promotedOffer]);
    });
  });

  describe('when offered', () => {
    it('changes nothing when the same reservation is offered again', () => {
      spec.given(HISTORY.offered).when(offer()).thenNothing();
    });

    it('refuses a second, different offer while one is open', () => {
      const error = spec
        .given(HISTORY.offered)
        .when(offer('2026-03-07T09:00:00.000Z'))
        .thenThrows('ENROLLMENT.ALREADY_OFFERED', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, expiresAt: EXPIRES_AT });
    });

    it('accepts the offer up to the last millisecond before it expires', () => {
      spec.given(HISTORY.offered).when(accept()).then([accepted]);
      spec
        .given(HISTORY.offered)
        .when(accept(new Date(Date.parse(EXPIRES_AT) - 1)))
        .then([accepted]);
    });

    it('refuses to accept or decline from the expiry instant on, even before the reactor expired it', () => {
      const error = spec
        .given(HISTORY.offered)
        .when(accept(AFTER_EXPIRY))
        .thenThrows('ENROLLMENT.OFFER_EXPIRED', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, expiresAt: EXPIRES_AT });
      spec
        .given(HISTORY.offered)
        .when(decline(null, AFTER_EXPIRY))
        .thenThrows('ENROLLMENT.OFFER_EXPIRED', 'illegal-state');
    });

    it('declines the offer, with an optional reason', () => {
      spec.given(HISTORY.offered).when(decline()).then([declined]);
      spec
        .given(HISTORY.offered)
        .when(decline(' moved abroad '))
        .then([{ type: 'OfferDeclined', data: { ...ref, reason: 'moved abroad' } }]);
    });

    it('refuses a decline reason over 500 characters', () => {
      spec
        .given(HISTORY.offered)
        .when(decline('x'.repeat(501)))
        .thenThrows('ENROLLMENT.REASON_INVALID', 'validation');
    });

    it('expires the offer once due, and not a moment before', () => {
      spec.given(HISTORY.offered).when(expire()).then([expired]);
      spec
        .given(HISTORY.offered)
        .when(expire(new Date(Date.parse(EXPIRES_AT) - 1)))
        .thenNothing();
    });
  });

  describe('when enrolled', () => {
    it('changes nothing when the acceptance is retried or the reservation replayed', () => {
      spec.given(HISTORY.enrolled).when(accept(AFTER_EXPIRY)).thenNothing();
      spec.given(HISTORY.enrolled).when(offer()).thenNothing();
    });

    it('changes nothing when the expiry timer fires after the acceptance', () => {
      spec.given(HISTORY.enrolled).when(expire()).thenNothing();
    });

    it('ignores stray events that would move it back or open a second offer', () => {
      const stray = [
        ...HISTORY.enrolled,
        { ...offered, data: { ...offered.data, expiresAt: '2026-03-09T09:00:00.000Z' } },
        submitted,
        admitted,
        declined,
      ];
      const state = stray.reduce(enrollmentDecider.evolve, enrollmentDecider.initialState());
      expect(state).toMatchObject({ status: 'enrolled', offerExpiresAt: EXPIRES_AT });
    });

    it('has no offer left to decline', () => {
      spec.given(HISTORY.enrolled).when(decline()).thenThrows('ENROLLMENT.NO_OPEN_OFFER', 'illegal-state');
    });
  });

  describe('when declined or expired', () => {
    it('changes nothing when the decline is retried', () => {
      spec.given(HISTORY.declined).when(decline()).thenNothing();
    });

    it('refuses to accept a declined offer', () => {
      const error = spec.given(HISTORY.declined).when(accept()).thenThrows('ENROLLMENT.NO_OPEN_OFFER', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, status: 'declined' });
    });

    it('answers that the offer expired, as it did before the timer fired', () => {
      spec.given(HISTORY.expired).when(accept()).thenThrows('ENROLLMENT.OFFER_EXPIRED', 'illegal-state');
      spec.given(HISTORY.expired).when(decline()).thenThrows('ENROLLMENT.OFFER_EXPIRED', 'illegal-state');
    });

    it.each(['declined', 'expired', 'withdrawn', 'cancelled'] as const)(
      'changes nothing on a late offer or expiry when %s',
      (status) => {
        spec.given(HISTORY[status]).when(offer()).thenNothing();
        spec.given(HISTORY[status]).when(expire()).thenNothing();
      },
    );
  });
});
