import { defaultCohortSettings } from './cohort-settings';
import type { CohortEvent } from './cohort.events';
import type { CohortState, CohortStatus } from './cohort.state';
import { evolveLedger } from './seat-ledger.evolve';
import { emptyLedger } from './seat-ledger.query';

/** The lifecycle's only moves: a stray or repeated event cannot move a cohort back or skip ahead. */
const MOVES: Partial<
  Record<CohortEvent['type'], { readonly from: readonly CohortStatus[]; readonly to: CohortStatus }>
> = {
  ApplicationsOpened: { from: ['planned'], to: 'open' },
  ApplicationsClosed: { from: ['open'], to: 'closed' },
  CohortStarted: { from: ['closed'], to: 'running' },
  CohortCompleted: { from: ['running'], to: 'completed' },
  CohortCancelled: { from: ['planned', 'open', 'closed', 'running'], to: 'cancelled' },
};

/**
 * Never writes into the state it is given: folded states are shared by a cache. `capacity` and
 * `ledger.capacity` move together, so readers of either see the current capacity.
 */
export function evolveCohort(state: CohortState, event: CohortEvent): CohortState {
  if (event.type === 'CohortPlanned') {
    if (state.status !== 'none') return state;
    const { data } = event;
    return {
      status: 'planned',
      ...data,
      settings: defaultCohortSettings(data.selectionPolicy),
      ledger: emptyLedger(data.capacity),
      groups: null,
    };
  }
  if (state.status === 'none') return state;
  const move = MOVES[event.type];
  if (move) {
    if (!move.from.includes(state.status)) return state;
    if (event.type === 'ApplicationsOpened' && event.data.applicationWindow)
      return { ...state, status: move.to, applicationWindow: event.data.applicationWindow };
    return { ...state, status: move.to };
  }
  switch (event.type) {
    case 'CohortConfigured':
      return { ...state, settings: event.data.settings };
    case 'GroupsFormed': {
      const { formation, targetSize, seed, groups } = event.data;
      return { ...state, groups: { formation, targetSize, seed, groups } };
    }
    case 'CapacityChanged':
      return { ...state, capacity: event.data.to, ledger: evolveLedger(state.ledger, event) };
    default:
      return { ...state, ledger: evolveLedger(state.ledger, event) };
  }
}
