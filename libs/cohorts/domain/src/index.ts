export * from './lib/course.events';
export * from './lib/course.commands';
export * from './lib/course.state';
export * from './lib/cohort.events';
export * from './lib/cohort.commands';
export * from './lib/cohort.state';
export * from './lib/streams';
