const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'cohorts-read-models',
  rootDir: __dirname,
  // kysely 0.29 ships ESM only: let swc turn it into CommonJS like our own sources.
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
  // The queries run on SQLite and on a real PostgreSQL (DESIGN §9); each spec takes its own database.
  globalSetup: require.resolve('../../../tools/embedded-postgres/global-setup.cjs'),
  globalTeardown: require.resolve('../../../tools/embedded-postgres/global-teardown.cjs'),
};
