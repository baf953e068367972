const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'partners-read-models',
  rootDir: __dirname,
  // The queries run on SQLite and on a real PostgreSQL (DESIGN §9); each spec takes its own database.
  globalSetup: require.resolve('../../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../../tools/embedded-postgres/global-teardown.cjs'),
};
