import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import { freeInPool, freeSeats, poolOf, poolSize, seatsTaken } from './seat-ledger.query';
import { seatSnapshot, waitlistOrder } from './seat-snapshot.query';
import { confirmed, learner, opened, planned, quotaSet, reserved, waitlisted } from '../testing/cohort.fixture';

const fold = (events: readonly CohortEvent[]) => events.reduce(cohortDecider.evolve, cohortDecider.initialState());
const acme = (n: number) => learner(n, 'acme');
const [a1, a2, a3, a4] = [1, 2, 3, 4].map((n) => learner(n));
// 5 seats: 2 for acme (1 taken), 3 open (all taken), 2 waiting.
const state = fold([
  planned(5),
  opened,
  quotaSet('acme', 2),
  reserved(acme(11)),
  reserved(a1),
  confirmed(a1),
  reserved(a2),
  reserved(a3),
  waitlisted(a4),
  waitlisted(acme(12)),
]);

describe('seat queries', () => {
  it('puts a learner in their company pool only when it has a quota', () => {
    if (state.status === 'none') throw new Error('planned cohort expected');
    const { ledger } = state;
    expect([poolOf(ledger, 'acme'), poolOf(ledger, 'globex'), poolOf(ledger, null)]).toEqual(['acme', 'open', 'open']);
    expect([poolSize(ledger, 'acme'), poolSize(ledger, 'open')]).toEqual([2, 3]);
    expect([seatsTaken(ledger), freeSeats(ledger), freeInPool(ledger, 'acme'), freeInPool(ledger, 'open')]).toEqual([
      4, 1, 1, 0,
    ]);
  });

  it('answers the seats as a company learner sees them', () => {
    expect(seatSnapshot(state, 'acme')).toEqual({
      capacity: 5,
      reserved: 3,
      confirmed: 1,
      free: 1,
      waitlisted: 2,
      quota: { companyId: 'acme', seats: 2, used: 1 },
      freeInPool: 1,
    });
  });

  it('answers the seats as an open-seat learner sees them', () => {
    expect(seatSnapshot(state, 'globex')).toMatchObject({ free: 1, quota: null, freeInPool: 0 });
    expect(seatSnapshot(state, null)).toMatchObject({ free: 1, quota: null, freeInPool: 0 });
  });

  it('answers zero seats for a cohort that does not exist', () => {
    expect(seatSnapshot({ status: 'none' }, 'acme')).toEqual({
      capacity: 0,
      reserved: 0,
      confirmed: 0,
      free: 0,
      waitlisted: 0,
      quota: null,
      freeInPool: 0,
    });
    expect(waitlistOrder({ status: 'none' })).toEqual([]);
  });

  it('lists the waitlist in offer order', () => {
    expect(waitlistOrder(state).map((e) => e.enrollmentId)).toEqual(['e-4', 'e-12']);
  });
});
