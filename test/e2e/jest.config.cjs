const preset = require('../../jest.preset.cjs');

// Boots the real gateway in-process on a random port; each file gets fresh stores.
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testTimeout: 30_000,
};
