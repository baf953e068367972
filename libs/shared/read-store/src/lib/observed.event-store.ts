import type { EventStore, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';

export interface SubscriptionObserver {
  opened?(): void;
  /** Each event a subscription delivers (not its caught-up). */
  event?(message: SubscriptionMessage & { kind: 'event' }): void;
  /** Once per subscription, whether it was closed or its iteration ended. */
  closed?(): void;
}

/**
 * The store, unchanged, except that its subscriptions to `$all` report to `observer`: how the
 * projector counts the events it reads (positions may skip numbers, so a rate must count events)
 * and how specs prove that a process reads `$all` once.
 */
export function observeSubscriptions(store: EventStore, observer: SubscriptionObserver): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    subscribeAll(options): Subscription {
      const subscription = store.subscribeAll(options);
      observer.opened?.();
      let closed = false;
      const close = async () => {
        if (!closed) observer.closed?.();
        closed = true;
        await subscription.close();
      };
      return {
        close,
        async *[Symbol.asyncIterator]() {
          try {
            for await (const message of subscription) {
              if (message.kind === 'event') observer.event?.(message);
              yield message;
            }
          } finally {
            await close();
          }
        },
      };
    },
  };
}
