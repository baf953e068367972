export * from './lib/enrollment.events';
export * from './lib/enrollment.commands';
export * from './lib/enrollment.state';
export * from './lib/streams';
