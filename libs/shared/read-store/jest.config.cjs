const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'shared-read-store',
  rootDir: __dirname,
  // One real PostgreSQL for the run; each spec takes its own database (createTestDatabase).
  globalSetup: require.resolve('../../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../../tools/embedded-postgres/global-teardown.cjs'),
};
