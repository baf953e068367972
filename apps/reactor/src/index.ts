export * from './reactor';
export * from './reactor.config';
export * from './reactor.logger';
export { REACTOR_CHECKPOINT } from './reactor.checkpoint';
export { REACTOR_ACTOR } from './reactor.refusals';
export { REACTOR_READ_MODELS, openReactorStores } from './reactor.stores';
