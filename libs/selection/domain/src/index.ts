export * from './lib/selection.events';
export * from './lib/selection.commands';
export * from './lib/selection.state';
export * from './lib/streams';
