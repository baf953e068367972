export * from './lib/selection.outcomes';
export * from './lib/define-rubric.handler';
export * from './lib/review-application.handler';
export * from './lib/decide-application.handler';
