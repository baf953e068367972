export * from './lib/reaction.types';
