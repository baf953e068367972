const { resolve } = require('node:path');
const e2e = require('../e2e/jest.config.cjs');

const specs = resolve(__dirname, '../e2e');

// The e2e specs of test/e2e, unchanged, on production's stores: EventStoreDB (through the
// in-process stand-in the real client talks gRPC to) and a real PostgreSQL started for the run.
module.exports = {
  ...e2e,
  displayName: 'e2e-esdb',
  rootDir: __dirname,
  roots: [specs, __dirname],
  testMatch: [`${specs}/*.spec.ts`, '<rootDir>/*.spec.ts'],
  globalSetup: require.resolve('../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../tools/embedded-postgres/global-teardown.cjs'),
  setupFiles: [...e2e.setupFiles, require.resolve('./esdb-postgres.setup.cjs')],
};
