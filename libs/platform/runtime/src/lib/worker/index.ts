export * from './singleton.worker';
export * from './worker.http';
export * from './metrics.registry';
export * from './worker.config';
export * from './worker.announce';
export * from './worker.health';
export * from './projection.metrics';
export * from './pending.lag';
