export * from './lib/clock';
export * from './lib/signal';
