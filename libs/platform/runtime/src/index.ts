export * from './lib/config.error';
export * from './lib/env.reader';
export * from './lib/store.config';
export * from './lib/event-store.open';
export * from './lib/read-models.registry';
export * from './lib/read-database.open';
export * from './lib/stores.open';
export * from './lib/process.lifecycle';
