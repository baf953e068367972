import {
  StoreUnavailableError,
  type AppendOptions,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeAllOptions,
} from '@sooc/event-sourcing';

/**
 * The event store as a request uses it: every call answers within `timeoutMs`, or fails with
 * StoreUnavailableError, so a request never hangs on a store that stopped answering (a network
 * partition, a node that accepts connections and never replies). A call that timed out may still
 * take effect afterwards, as with any lost answer: a client that must know sends the mutation
 * again with its idempotency key. Subscriptions are not bounded: workers wait for the store.
 */
export function withDeadline(store: EventStore, timeoutMs: number): EventStore {
  const bounded = <T>(what: string, call: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreUnavailableError('event store', `The event store did not answer ${what} within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
    });
    return Promise.race([call, late]).finally(() => clearTimeout(timer));
  };
  return {
    append: (streamId: string, events: readonly EventToAppend[], options: AppendOptions) =>
      bounded('an append', store.append(streamId, events, options)),
    readStream: (streamId: string, options?: ReadStreamOptions) =>
      bounded('a read', store.readStream(streamId, options)),
    readAll: (options?: ReadAllOptions) => bounded('a read', store.readAll(options)),
    subscribeAll: (options?: SubscribeAllOptions) => store.subscribeAll(options),
    headPosition: () => bounded('a read', store.headPosition()),
    close: () => store.close(),
  };
}
