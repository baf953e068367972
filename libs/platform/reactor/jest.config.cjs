const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'reactor-engine',
  rootDir: __dirname,
  // One real PostgreSQL for the run: the checkpoint's forward-only save is SQL both dialects must agree on.
  globalSetup: require.resolve('../../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../../tools/embedded-postgres/global-teardown.cjs'),
};
