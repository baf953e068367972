export * from './lib/selection.outcomes';
export * from './lib/define-rubric.command';
export * from './lib/review-application.command';
export * from './lib/decide-application.command';
export * from './lib/define-rubric.handler';
export * from './lib/review-application.handler';
export * from './lib/decide-application.handler';
export * from './lib/selection-application.module';
