/** Test helpers for the specs of this and other projects (`@sooc/enrollment-domain/testing`); never built. */
export * from './enrollment-events.fixture';
