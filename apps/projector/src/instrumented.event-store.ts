import type { EventStore, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';

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
  const instrumented: EventStore = {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    subscribeAll(options): Subscription {
      const subscription = store.subscribeAll(options);
      return {
        close: () => subscription.close(),
        async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
          for await (const message of subscription) {
            if (message.kind === 'event') {
              counter.count++;
              onEvent();
            }
            yield message;
          }
        },
      };
    },
  };
  return { store: instrumented, counter };
}
