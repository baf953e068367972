import type { EventStore, ReadAllOptions, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';

/**
 * The store as it was at position `last`: what a runner reading it replays is exactly what a
 * read model checkpointed at `last` has seen, however far the real store has moved on since.
 * Read-only, forwards only (all a ProjectionRunner asks of it).
 */
export function boundedEventStore(store: EventStore, last: bigint): EventStore {
  return {
    append: () => Promise.reject(new Error('boundedEventStore is read-only')),
    readStream: async (streamId, options) =>
      (await store.readStream(streamId, options)).filter((e) => e.position <= last),
    async readAll(options: ReadAllOptions = {}) {
      if (options.direction === 'backwards') throw new Error('boundedEventStore reads forwards only');
      return (await store.readAll(options)).filter((e) => e.position <= last);
    },
    subscribeAll(options) {
      const inner = store.subscribeAll(options);
      let closed: () => void = () => undefined;
      const closing = new Promise<void>((resolve) => (closed = resolve));
      async function* messages(): AsyncGenerator<SubscriptionMessage> {
        for await (const message of inner) {
          if (message.kind !== 'event' || message.event.position > last) break;
          yield message;
        }
        yield { kind: 'caught-up' };
        // No live events past `last`: it stays open and silent until closed, like an idle store.
        await closing;
      }
      const subscription: Subscription = {
        [Symbol.asyncIterator]: () => messages(),
        async close() {
          closed();
          await inner.close();
        },
      };
      return subscription;
    },
    headPosition: async () => {
      const head = await store.headPosition();
      return head === null || head < last ? head : last;
    },
    // The caller owns the store it wrapped.
    close: async () => undefined,
  };
}
