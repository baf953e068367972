const preset = require('../../../jest.preset.cjs');
// kysely 0.29 ships ESM only: let swc turn it into CommonJS like our own sources.
module.exports = {
  ...preset,
  displayName: 'cohorts-read-models',
  rootDir: __dirname,
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
};
