export * from './published';
export * from './lib/learner-erasure.commands';
export * from './lib/learner-erasure.decider';
