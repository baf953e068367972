import type { Decider } from '@sooc/event-sourcing';
import type { SelectionEvent } from '@sooc/selection-domain';
import type { DecisionView } from './selection.outcomes';

export type DecidedApplications = Readonly<Record<string, DecisionView>>;

/**
 * Every decision of a selection round in full (reason, decider, record), by enrollment id: a
 * repeated decision writes nothing, yet its caller must get the decision that was taken.
 */
export const decidedApplications: Pick<
  Decider<never, SelectionEvent, DecidedApplications>,
  'evolve' | 'initialState'
> = {
  initialState: () => ({}),
  evolve: (decided, event) => {
    if (event.type !== 'ApplicationDecided') return decided;
    const { cohortId: _cohortId, ...decision } = event.data;
    return { ...decided, [decision.enrollmentId]: decision };
  },
};
