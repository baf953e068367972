export * from './lib/read-database';
export * from './lib/migrate';
export * from './lib/read-store.migrations';
export * from './lib/checkpoint.store';
export * from './lib/row.normalise';
export * from './lib/projection.batch';
export * from './lib/projection.failure';
export * from './lib/projection.runner';
