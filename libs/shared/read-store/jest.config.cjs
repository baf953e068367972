const preset = require('../../../jest.preset.cjs');
module.exports = {
  ...preset,
  displayName: 'shared-read-store',
  rootDir: __dirname,
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
};
