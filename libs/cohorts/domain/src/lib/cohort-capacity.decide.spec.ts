import { DeciderSpecification } from '@sooc/event-sourcing';
import { cohortDecider } from './cohort.decider';
import {
  cancelled,
  capacityChanged,
  closed,
  command,
  completed,
  learner,
  opened,
  planned,
  quotaSet,
  reserved,
  started,
  waitlisted,
} from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const [a1, a2, a3] = [1, 2, 3].map((n) => learner(n));
const acme = (n: number) => learner(n, 'acme');
const setQuota = (companyId: string, seats: number) => command('SetCompanyQuota', { companyId, seats });
const changeCapacity = (capacity: number) => command('ChangeCapacity', { capacity });
const isOpen = [planned(4), opened];

describe('SetCompanyQuota', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec.given([]).when(setQuota('acme', 2)).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('sets, changes and removes a quota', () => {
      spec
        .given([planned(4)])
        .when(setQuota('acme', 2))
        .then([quotaSet('acme', 2, 0)]);
      spec
        .given([planned(4), quotaSet('acme', 2)])
        .when(setQuota('acme', 3))
        .then([quotaSet('acme', 3, 2)]);
      spec
        .given([planned(4), quotaSet('acme', 2)])
        .when(setQuota('acme', 0))
        .then([quotaSet('acme', 0, 2)]);
    });

    it('changes nothing when the quota is already that', () => {
      spec
        .given([planned(4), quotaSet('acme', 2)])
        .when(setQuota('acme', 2))
        .thenNothing();
      spec
        .given([planned(4)])
        .when(setQuota('acme', 0))
        .thenNothing();
    });

    it('refuses a malformed company or seat count', () => {
      spec
        .given([planned(4)])
        .when(setQuota(' acme', 2))
        .thenThrows('COHORT.COMPANY_ID_INVALID', 'validation');
      spec
        .given([planned(4)])
        .when(setQuota('acme', -1))
        .thenThrows('COHORT.QUOTA_INVALID', 'validation');
      spec
        .given([planned(4)])
        .when(setQuota('acme', 1.5))
        .thenThrows('COHORT.QUOTA_INVALID', 'validation');
    });

    it('refuses quotas that together exceed the capacity', () => {
      const error = spec
        .given([planned(4), quotaSet('acme', 2)])
        .when(setQuota('globex', 3))
        .thenThrows('COHORT.QUOTAS_EXCEED_CAPACITY', 'illegal-state');
      expect(error.details).toMatchObject({ capacity: 4, quotaTotal: 5 });
      spec
        .given([planned(4), quotaSet('acme', 2)])
        .when(setQuota('globex', 2))
        .then([quotaSet('globex', 2, 0)]);
    });
  });

  describe('when open', () => {
    it('refuses a quota below the seats the company already holds', () => {
      const history = [...isOpen, quotaSet('acme', 2), reserved(acme(1)), reserved(acme(2))];
      const error = spec
        .given(history)
        .when(setQuota('acme', 1))
        .thenThrows('COHORT.QUOTA_BELOW_SEATS_TAKEN', 'illegal-state');
      expect(error.details).toMatchObject({ companyId: 'acme', seats: 1, seatsTaken: 2 });
    });

    it('counts the open seats a company holds before it has a quota', () => {
      const globex = (n: number) => learner(n, 'globex');
      const history = [...isOpen, reserved(globex(1), { pool: 'open' }), reserved(globex(2), { pool: 'open' })];
      spec.given(history).when(setQuota('globex', 1)).thenThrows('COHORT.QUOTA_BELOW_SEATS_TAKEN', 'illegal-state');
      spec
        .given(history)
        .when(setQuota('globex', 2))
        .then([quotaSet('globex', 2, 0)]);
    });

    it('refuses a quota that leaves too few open seats for the learners in them', () => {
      const history = [...isOpen, reserved(a1), reserved(a2), reserved(a3)];
      const error = spec
        .given(history)
        .when(setQuota('acme', 2))
        .thenThrows('COHORT.OPEN_SEATS_TAKEN', 'illegal-state');
      expect(error.details).toMatchObject({ openSeats: 2, openSeatsTaken: 3 });
    });

    it('offers a raised quota to the company learners waiting', () => {
      const history = [...isOpen, quotaSet('acme', 1), reserved(acme(1)), waitlisted(acme(2))];
      spec
        .given(history)
        .when(setQuota('acme', 2))
        .then([
          quotaSet('acme', 2, 1),
          reserved(acme(2), { promoted: true, reason: 'promoted: quota of acme set to 2 (was 1)' }),
        ]);
    });

    it('on removing a quota, its learners join the open seats and their queue', () => {
      const history = [planned(3), opened, quotaSet('acme', 2), reserved(acme(11)), reserved(a1), waitlisted(a2)];
      spec
        .given(history)
        .when(setQuota('acme', 0))
        .then([
          quotaSet('acme', 0, 2),
          reserved(a2, { promoted: true, reason: 'promoted: quota of acme removed (was 2)' }),
        ]);
    });
  });

  describe.each([
    ['running', [closed, started], 'COHORT.ALREADY_STARTED'],
    ['completed', [closed, started, completed], 'COHORT.ALREADY_COMPLETED'],
    ['cancelled', [cancelled], 'COHORT.CANCELLED'],
  ])('when %s', (_status, after, code) => {
    it('refuses: quotas only shape who gets a seat before the start', () => {
      spec
        .given([...isOpen, ...after])
        .when(setQuota('acme', 1))
        .thenThrows(code, 'illegal-state');
    });
  });
});

describe('ChangeCapacity', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec.given([]).when(changeCapacity(10)).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('changes the capacity, and changes nothing when it is already that', () => {
      spec
        .given([planned(4)])
        .when(changeCapacity(10))
        .then([capacityChanged(4, 10)]);
      spec
        .given([planned(4)])
        .when(changeCapacity(4))
        .thenNothing();
    });

    it.each([1, 501, 2.5, Number.NaN])('refuses a capacity of %p', (capacity) => {
      spec
        .given([planned(4)])
        .when(changeCapacity(capacity))
        .thenThrows('COHORT.CAPACITY_OUT_OF_BOUNDS', 'validation');
    });

    it('refuses a capacity below the company quotas', () => {
      const error = spec
        .given([planned(4), quotaSet('acme', 3)])
        .when(changeCapacity(2))
        .thenThrows('COHORT.CAPACITY_BELOW_QUOTAS', 'illegal-state');
      expect(error.details).toMatchObject({ capacity: 2, quotaTotal: 3 });
    });
  });

  describe('when open', () => {
    it('offers the new seats to the waitlist', () => {
      spec
        .given([planned(2), opened, reserved(a1), reserved(a2), waitlisted(a3)])
        .when(changeCapacity(3))
        .then([
          capacityChanged(2, 3),
          reserved(a3, { promoted: true, reason: 'promoted: capacity raised from 2 to 3' }),
        ]);
    });

    it('refuses a capacity below the seats taken', () => {
      const error = spec
        .given([...isOpen, reserved(a1), reserved(a2), reserved(a3)])
        .when(changeCapacity(2))
        .thenThrows('COHORT.CAPACITY_BELOW_SEATS_TAKEN');
      expect(error.details).toMatchObject({ capacity: 2, seatsTaken: 3 });
    });

    it('refuses a capacity that leaves too few open seats beside the quotas', () => {
      const history = [...isOpen, quotaSet('acme', 2), reserved(a1), reserved(a2)];
      const error = spec
        .given(history)
        .when(changeCapacity(3))
        .thenThrows('COHORT.CAPACITY_BELOW_SEATS_TAKEN', 'illegal-state');
      expect(error.details).toMatchObject({ openSeats: 1, openSeatsTaken: 2 });
    });
  });

  describe('when running', () => {
    it('changes the capacity but offers the new seats to nobody', () => {
      spec
        .given([planned(2), opened, reserved(a1), reserved(a2), waitlisted(a3), closed, started])
        .when(changeCapacity(3))
        .then([capacityChanged(2, 3)]);
    });
  });

  describe.each([
    ['completed', [closed, started, completed], 'COHORT.ALREADY_COMPLETED'],
    ['cancelled', [cancelled], 'COHORT.CANCELLED'],
  ])('when %s', (_status, after, code) => {
    it('refuses: no seat changes after the end', () => {
      spec
        .given([...isOpen, ...after])
        .when(changeCapacity(10))
        .thenThrows(code, 'illegal-state');
    });
  });
});
