const preset = require('../../jest.preset.cjs');

// The deployment of issue 4 as real OS processes (two gateways, the projector, the reactor) on
// each store setup: SQLite files, and EventStoreDB (the in-process stand-in) with a real
// PostgreSQL started for the run.
module.exports = {
  ...preset,
  displayName: 'deployment',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.spec.ts'],
  testTimeout: 30_000,
  globalSetup: require.resolve('../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../tools/embedded-postgres/global-teardown.cjs'),
};
