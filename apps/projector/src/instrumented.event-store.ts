import type { EventStore } from '@sooc/event-sourcing';
import { observeSubscriptions } from '@sooc/read-store';

export interface EventCounter {
  /** Events delivered by subscriptions so far. */
  readonly count: number;
}

/**
 * The store, with its subscriptions counting the events they deliver: positions may skip numbers
 * (EventStoreDB's do), so a rate in events/s has to count events, not subtract positions.
 */
export function instrumentedEventStore(
  store: EventStore,
  onEvent: () => void = () => undefined,
): { store: EventStore; counter: EventCounter } {
  const counter = { count: 0 };
  const instrumented = observeSubscriptions(store, {
    event: () => {
      counter.count++;
      onEvent();
    },
  });
  return { store: instrumented, counter };
}
