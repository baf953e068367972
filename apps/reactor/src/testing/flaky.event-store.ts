import type { EventStore } from '@sooc/event-sourcing';

/** A real store whose next `failures` appends fail as a store that is down would. */
export function flakyEventStore(store: EventStore): { store: EventStore; failNext(count: number): void; readonly failed: number } {
  let failing = 0;
  const state = { failed: 0 };
  const flaky: EventStore = {
    append: async (...args) => {
      if (failing > 0) {
        failing--;
        state.failed++;
        throw new Error('SQLITE_IOERR: disk I/O error');
      }
      return store.append(...args);
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
      return state.failed;
    },
  };
}
