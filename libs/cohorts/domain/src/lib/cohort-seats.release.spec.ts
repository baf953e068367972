import { DeciderSpecification } from '@sooc/event-sourcing';
import { cohortDecider } from './cohort.decider';
import {
  cancelled,
  closed,
  completed,
  confirm,
  confirmed,
  learner,
  left,
  opened,
  planned,
  quotaSet,
  release,
  released,
  reserved,
  started,
  waitlisted,
} from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const [a1, a2, a3, a4, a5, a6] = [1, 2, 3, 4, 5, 6].map((n) => learner(n));
const acme = (n: number) => learner(n, 'acme');
const isOpen = [planned(2), opened];
const full = [...isOpen, reserved(a1), reserved(a2)];

describe('ReleaseSeat and ConfirmSeat', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec.given([]).when(release(a1)).thenThrows('COHORT.NOT_FOUND', 'not-found');
      spec.given([]).when(confirm(a1)).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when open', () => {
    it('releases a reserved or confirmed seat', () => {
      spec
        .given(full)
        .when(release(a1, 'declined'))
        .then([released(a1, 'declined')]);
      spec
        .given([...full, confirmed(a2)])
        .when(release(a2))
        .then([released(a2)]);
    });

    it('offers the freed seat to the first in arrival order', () => {
      spec
        .given([...full, waitlisted(a3), waitlisted(a4)])
        .when(release(a1, 'expired'))
        .then([
          released(a1, 'expired'),
          reserved(a3, { promoted: true, reason: 'promoted: seat released by e-1 (expired)' }),
        ]);
    });

    it('offers the freed seat to the best score under review, unscored last, arrival breaking ties', () => {
      const review = [
        planned(2, 'review'),
        opened,
        reserved(a1),
        reserved(a2),
        waitlisted(a3, null),
        waitlisted(a4, 60),
        waitlisted(a5, 90),
        waitlisted(a6, 90),
      ];
      spec
        .given(review)
        .when(release(a1))
        .then([released(a1), reserved(a5, { promoted: true, reason: 'promoted: seat released by e-1 (withdrawn)' })]);
    });

    it('offers a freed quota seat within the company, past open-seat learners waiting longer', () => {
      const history = [
        planned(3),
        opened,
        quotaSet('acme', 1),
        reserved(a1),
        reserved(a2),
        reserved(acme(3)),
        waitlisted(a4),
        waitlisted(acme(5)),
      ];
      spec
        .given(history)
        .when(release(acme(3)))
        .then([
          released(acme(3)),
          reserved(acme(5), { promoted: true, reason: 'promoted: seat released by e-3 (withdrawn)' }),
        ]);
    });

    it('takes a waiting learner off the waitlist', () => {
      spec
        .given([...full, waitlisted(a3)])
        .when(release(a3, 'withdrawn'))
        .then([left(a3, 'withdrawn')]);
    });

    it('changes nothing for an unknown learner, a released seat or a left waitlist', () => {
      spec.given(full).when(release(a5)).thenNothing();
      spec
        .given([...full, released(a1)])
        .when(release(a1))
        .thenNothing();
      spec
        .given([...full, waitlisted(a3), left(a3)])
        .when(release(a3))
        .thenNothing();
    });

    it('refuses an unknown release reason', () => {
      spec
        .given(full)
        .when({ ...release(a1), data: { ...release(a1).data, reason: 'bored' as never } })
        .thenThrows('COHORT.RELEASE_REASON_INVALID', 'validation');
    });

    it('confirms a reserved seat, and changes nothing when it is confirmed again', () => {
      spec
        .given(full)
        .when(confirm(a1))
        .then([confirmed(a1)]);
      spec
        .given([...full, confirmed(a1)])
        .when(confirm(a1))
        .thenNothing();
    });

    it('refuses to confirm a seat that is not reserved', () => {
      const error = spec
        .given([...full, waitlisted(a3)])
        .when(confirm(a3))
        .thenThrows('COHORT.SEAT_NOT_RESERVED', 'illegal-state');
      expect(error.details).toMatchObject({ enrollmentId: 'e-3', status: 'waitlisted' });
      spec
        .given([...full, released(a1)])
        .when(confirm(a1))
        .thenThrows('COHORT.SEAT_NOT_RESERVED', 'illegal-state');
      spec.given(full).when(confirm(a5)).thenThrows('COHORT.SEAT_NOT_RESERVED', 'illegal-state');
    });
  });

  describe('when closed', () => {
    it('still offers freed seats on', () => {
      spec
        .given([...full, waitlisted(a3), closed])
        .when(release(a2))
        .then([released(a2), reserved(a3, { promoted: true, reason: 'promoted: seat released by e-2 (withdrawn)' })]);
    });
  });

  describe('when running', () => {
    const running = [...full, confirmed(a1), waitlisted(a3), closed, started];

    it('frees the seat but offers it to nobody: a running cohort takes no late joiners', () => {
      spec
        .given(running)
        .when(release(a1))
        .then([released(a1)]);
    });

    it('still confirms a seat whose offer is open', () => {
      spec
        .given(running)
        .when(confirm(a2))
        .then([confirmed(a2)]);
    });
  });

  describe.each([
    ['completed', [started, completed], 'COHORT.ALREADY_COMPLETED'],
    ['cancelled', [cancelled], 'COHORT.CANCELLED'],
  ])('when %s', (_status, after, code) => {
    const history = [...full, confirmed(a1), waitlisted(a3), closed, ...after];

    it('changes nothing on a release: no seat changes after the end, and the reactor need not care', () => {
      spec.given(history).when(release(a1)).thenNothing();
      spec.given(history).when(release(a3)).thenNothing();
    });

    it('refuses to confirm a reserved seat, and changes nothing for a confirmed one', () => {
      spec.given(history).when(confirm(a2)).thenThrows(code, 'illegal-state');
      spec.given(history).when(confirm(a1)).thenNothing();
    });
  });
});
