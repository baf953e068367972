const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'projector',
  rootDir: __dirname,
  // The crash and lease specs start and kill real projector processes; their own deadlines are tighter.
  testTimeout: 60_000,
  // One spec at a time: each runs several projector processes, and two at once on a small
  // machine slow each other past their deadlines.
  maxWorkers: 1,
  // The lease spec runs its projectors on a real PostgreSQL too (a database each, createTestDatabase).
  globalSetup: require.resolve('../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../tools/embedded-postgres/global-teardown.cjs'),
};
