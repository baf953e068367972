import type { EventStore, Subscription } from '@sooc/event-sourcing';

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
  const counted: EventStore = {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    subscribeAll(options): Subscription {
      const subscription = store.subscribeAll(options);
      counts.opened++;
      counts.mostOpen = Math.max(counts.mostOpen, ++counts.open);
      let closed = false;
      const close = async () => {
        if (!closed) counts.open--;
        closed = true;
        await subscription.close();
      };
      return {
        close,
        async *[Symbol.asyncIterator]() {
          try {
            for await (const message of subscription) {
              if (message.kind === 'event') counts.eventsRead++;
              yield message;
            }
          } finally {
            await close();
          }
        },
      };
    },
  };
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
