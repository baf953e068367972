const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'shared-read-store',
  rootDir: __dirname,
  // kysely 0.29 is ESM only and jest's module system cannot require() ESM: let swc make it
  // CommonJS like our sources. Every project that loads kysely in tests needs these two lines.
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
  // One real PostgreSQL for the run; each spec takes its own database (createTestDatabase).
  globalSetup: require.resolve('../../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../../tools/embedded-postgres/global-teardown.cjs'),
};
