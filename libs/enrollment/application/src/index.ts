export * from './lib/cohort.snapshot';
export * from './lib/submit-application.handler';
export * from './lib/record-attendance.handler';
