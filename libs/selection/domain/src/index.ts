export * from './lib/selection.events';
export * from './lib/selection.commands';
export * from './lib/selection.state';
export * from './lib/streams';
export * from './lib/selection.decider';
export * from './lib/selection.evolve';
export * from './lib/selection.ranking';
export { SELECTION_LIMITS, normalizeRubric, type RubricInput } from './lib/rubric.rules';
export { round2, weightedScore } from './lib/review.rules';
