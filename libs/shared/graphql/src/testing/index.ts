/** Test helpers for the API libraries' specs (`@sooc/graphql/testing`); never built. */
export * from './api.world';
