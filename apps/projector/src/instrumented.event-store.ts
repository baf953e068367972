import type { EventStore, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';

export interface EventCounter {
  /** Events delivered by subscriptions so far. */
  readonly count: number;
}

/** Longest stretch a subscription may keep the event loop to itself while replaying history. */
const MAX_BUSY_MS = 20;

/**
 * The store, with its subscriptions doing two things the projector needs while it replays history:
 * - count the events they deliver: positions may skip numbers (EventStoreDB's do), so a rate in
 *   events/s has to count events, not subtract positions;
 * - hand the event loop back every MAX_BUSY_MS. A replay from SQLite is a chain of promises that
 *   never waits on I/O (better-sqlite3 is synchronous), so without this no timer runs and no
 *   SIGTERM is handled until the whole history is projected: no progress lines, no graceful stop.
 */
export function instrumentedEventStore(store: EventStore): { store: EventStore; counter: EventCounter } {
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
          let since = performance.now();
          for await (const message of subscription) {
            if (message.kind === 'event') counter.count++;
            if (performance.now() - since > MAX_BUSY_MS) {
              await new Promise((resolve) => setImmediate(resolve));
              since = performance.now();
            }
            yield message;
          }
        },
      };
    },
  };
  return { store: instrumented, counter };
}
