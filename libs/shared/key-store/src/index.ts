export * from './lib/sqlite.key-store';
export * from './lib/postgres.key-store';
export * from './lib/key-store.open';
