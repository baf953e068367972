import type { EventStore } from '@sooc/event-sourcing';
import { observeSubscriptions } from '../lib/observed.event-store';

export interface SubscriptionCounter {
  /** The store, with its subscriptions to `$all` counted. */
  readonly store: EventStore;
  /** Subscriptions opened so far. */
  readonly opened: number;
  /** Subscriptions open now, and the most that were ever open at once. */
  readonly open: number;
  readonly mostOpen: number;
  /** Events the store's subscriptions delivered: how often `$all` was read. */
  readonly eventsRead: number;
}

/** A real store whose subscriptions are counted: how a spec proves a process reads `$all` once. */
export function countSubscriptions(store: EventStore): SubscriptionCounter {
  const counts = { opened: 0, open: 0, mostOpen: 0, eventsRead: 0 };
  const counted = observeSubscriptions(store, {
    opened: () => {
      counts.opened++;
      counts.mostOpen = Math.max(counts.mostOpen, ++counts.open);
    },
    event: () => counts.eventsRead++,
    closed: () => counts.open--,
  });
  return {
    store: counted,
    get opened() {
      return counts.opened;
    },
    get open() {
      return counts.open;
    },
    get mostOpen() {
      return counts.mostOpen;
    },
    get eventsRead() {
      return counts.eventsRead;
    },
  };
}
