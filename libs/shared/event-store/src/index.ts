export * from './lib/memory.event-store';
export * from './lib/sqlite.event-store';
export type { SqliteSynchronous } from './lib/sqlite.schema';
export { EsdbEventStore, type EsdbEventStoreOptions } from './lib/esdb/esdb.event-store';
export { EsdbUnreachableError } from './lib/esdb/esdb.error';
export { withDeadline } from './lib/deadline.event-store';
export { timeAppends, type AppendTiming, type TimedEventStore } from './lib/timed.event-store';
