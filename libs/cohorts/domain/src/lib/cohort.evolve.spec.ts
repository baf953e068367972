import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';
import { emptyLedger, ledgerEntries, ledgerEntry } from './seat-ledger.query';
import {
  capacityChanged,
  closed,
  confirmed,
  learner,
  left,
  opened,
  planned,
  quotaSet,
  released,
  reserved,
  started,
  waitlisted,
} from '../testing/cohort.fixture';

const fold = (events: readonly CohortEvent[]): CohortState =>
  events.reduce(cohortDecider.evolve, cohortDecider.initialState());
const existing = (state: CohortState) => {
  if (state.status === 'none') throw new Error('a planned cohort was expected');
  return state;
};
const [a1, a2, a3] = [1, 2, 3].map((n) => learner(n));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('evolveCohort', () => {
  it('ignores everything before the plan', () => {
    expect(fold([opened, reserved(a1), quotaSet('acme', 2)])).toEqual({ status: 'none' });
  });

  it('starts a planned cohort with default settings, an empty ledger at its capacity and no groups', () => {
    const state = existing(fold([planned(12, 'review')]));
    expect(state.settings.waitlistOrder).toBe('score');
    expect(state.ledger).toEqual(emptyLedger(12));
    expect([state.ledger.capacity, state.ledger.quotas, ledgerEntries(state.ledger), state.ledger.nextSeq]).toEqual([
      12,
      {},
      [],
      0,
    ]);
    expect(state.groups).toBeNull();
  });

  it('keeps the capacity of the cohort and of its ledger equal', () => {
    const state = existing(fold([planned(12), capacityChanged(12, 20)]));
    expect([state.capacity, state.ledger.capacity]).toEqual([20, 20]);
  });

  it('numbers entries by arrival; a promoted learner keeps their number and score', () => {
    const state = existing(
      fold([
        planned(1, 'review'),
        opened,
        reserved(a1),
        waitlisted(a2, 80),
        waitlisted(a3, 90),
        released(a1),
        reserved(a3, { promoted: true }),
      ]),
    );
    expect(ledgerEntry(state.ledger, 'e-3')).toMatchObject({ status: 'reserved', seq: 2, score: 90 });
    expect(ledgerEntry(state.ledger, 'e-1')).toMatchObject({ status: 'released', seq: 0, offerExpiresAt: null });
    expect(state.ledger.nextSeq).toBe(3);
  });

  it('drops a quota set to 0', () => {
    expect(existing(fold([planned(4), quotaSet('acme', 2), quotaSet('acme', 0, 2)])).ledger.quotas).toEqual({});
  });

  it('never writes into the state it is given: folded states are shared', () => {
    const history: CohortEvent[] = [
      planned(4),
      opened,
      quotaSet('acme', 1),
      reserved(a1),
      confirmed(a1),
      waitlisted(a2),
      left(a2),
      reserved(a3),
      released(a3),
      capacityChanged(4, 5),
      {
        type: 'CohortConfigured',
        data: { cohortId: 'c-spring', settings: { ...existing(fold([planned(4)])).settings, sessions: 3 } },
      },
      closed,
      started,
      { type: 'GroupsFormed', data: { cohortId: 'c-spring', formation: 1, targetSize: 2, seed: 's', groups: [] } },
    ];
    let state = deepFreeze(cohortDecider.initialState());
    for (const event of history) {
      const before = JSON.stringify(state);
      const next = cohortDecider.evolve(state, event);
      expect(JSON.stringify(state)).toBe(before);
      state = deepFreeze(next);
    }
    expect(state.status).toBe('running');
  });
});
