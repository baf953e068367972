import type { EventStore } from '@sooc/event-sourcing';

export interface FlakyEventStore {
  readonly store: EventStore;
  /** The next `count` appends fail as a store that is down would (0: it is back). */
  failNext(count: number): void;
  readonly failed: number;
  /** Appends that reached the real store, per stream: how many writes a burst of commands took. */
  appendsTo(streamId: string): number;
}

/** A real store whose appends can be made to fail, and which counts the writes it let through. */
export function flakyEventStore(store: EventStore): FlakyEventStore {
  let failing = 0;
  let failed = 0;
  const appends = new Map<string, number>();
  const flaky: EventStore = {
    append: async (streamId, events, options) => {
      if (failing > 0) {
        failing--;
        failed++;
        throw new Error('SQLITE_IOERR: disk I/O error');
      }
      appends.set(streamId, (appends.get(streamId) ?? 0) + 1);
      return store.append(streamId, events, options);
    },
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeAll: (...args) => store.subscribeAll(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
  return {
    store: flaky,
    failNext: (count) => (failing = count),
    get failed() {
      return failed;
    },
    appendsTo: (streamId) => appends.get(streamId) ?? 0,
  };
}
