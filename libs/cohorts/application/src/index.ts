export * from './lib/plan-cohort.handler';
