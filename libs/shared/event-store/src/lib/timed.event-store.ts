import { ConcurrencyError, type EventStore } from '@sooc/event-sourcing';

/** One append as the store answered it: how long, and whether it was written. */
export interface AppendTiming {
  readonly seconds: number;
  /** ok: written; conflict: refused for its expected revision; error: anything else (down, full). */
  readonly outcome: 'ok' | 'conflict' | 'error';
}

export interface TimedEventStore {
  /** The same store, every append timed. */
  readonly store: EventStore;
  /** Called after each append settles; the metrics register here once they exist. */
  onAppend(listener: (timing: AppendTiming) => void): void;
}

/**
 * The store's own write latency, apart from what surrounds it in a mutation (load, decide, the
 * read-your-writes wait): what the "store latency" alert and the dashboard need. Only appends:
 * reads are timed by the operations that make them.
 */
export function timeAppends(store: EventStore): TimedEventStore {
  const listeners: ((timing: AppendTiming) => void)[] = [];
  const report = (started: number, outcome: AppendTiming['outcome']) => {
    const seconds = (performance.now() - started) / 1_000;
    for (const listener of listeners) listener({ seconds, outcome });
  };
  return {
    store: {
      append: async (streamId, events, options) => {
        const started = performance.now();
        try {
          const result = await store.append(streamId, events, options);
          report(started, 'ok');
          return result;
        } catch (error) {
          report(started, error instanceof ConcurrencyError ? 'conflict' : 'error');
          throw error;
        }
      },
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeAll: (...args) => store.subscribeAll(...args),
      headPosition: () => store.headPosition(),
      close: () => store.close(),
    },
    onAppend: (listener) => void listeners.push(listener),
  };
}
