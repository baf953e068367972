export { startReactor, type Reactor, type ReactorOptions, type ReactorStatus } from './lib/reactor';
export { createLogger, type ReactorLog } from './lib/reactor.logger';
export { DEFAULT_REACTOR_TICK_MS, readReactorTickMs } from './lib/reactor.tick';
export { REACTOR_CHECKPOINT, DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from './lib/reactor.checkpoint';
export { DEFAULT_BACKOFF, type Backoff } from './lib/retry.backoff';
export { REACTOR_ACTOR } from './lib/reactor.refusals';
export { ReactorStoppedError } from './lib/reactor-stopped.error';
export { REACTOR_READ_MODELS, openReactorStores } from './lib/reactor.stores';
export { COMMAND_OUTCOMES, type CommandOutcome, type ReactorObserver } from './lib/reactor.observer';
