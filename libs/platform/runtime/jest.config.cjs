const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'platform-runtime',
  rootDir: __dirname,
  // kysely 0.29 ships ESM only: let swc turn it into CommonJS like our own sources.
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
};
