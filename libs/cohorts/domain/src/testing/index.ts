/** Test helpers for the specs of this and other projects (`@sooc/cohorts-domain/testing`); never built. */
export * from './cohort-events.fixture';
export * from './recorded.fixture';
export * from './open-cohort.fixture';
