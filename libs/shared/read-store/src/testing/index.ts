/** Test helpers for specs of this and other projects (`@sooc/read-store/testing`); never built. */
export * from './pg-test-database';
export * from './test-databases';
export * from './subscription.counter';
export * from './table-contents';
export * from './project.testing';
export * from './silencing.proxy';
