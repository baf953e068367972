export * from './lib/memory.event-store';
export * from './lib/sqlite.event-store';
export type { SqliteSynchronous } from './lib/sqlite.schema';
