/** Test helpers for the specs of this and other projects (`@sooc/selection-domain/testing`); never built. */
export * from './selection-events.fixture';
export * from './cohort-scenario.fixture';
export * from './cohort-scenario.store';
