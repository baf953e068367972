export * from './lib/erase-learner.handler';
