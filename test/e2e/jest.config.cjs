const preset = require('../../jest.preset.cjs');

// Boots the real gateway in-process on a random port; each file gets fresh stores.
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testTimeout: 30_000,
  // kysely 0.29 ships ESM only: let swc turn it into CommonJS like our own sources.
  transform: { ...preset.transform, '/node_modules/kysely/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
};
