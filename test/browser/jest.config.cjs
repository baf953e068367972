const preset = require('../../jest.preset.cjs');

// A real Chromium (from @sparticuz/chromium, or SOOC_CHROMIUM) drives the built console against a
// gateway each file boots in-process on a random port with fresh stores.
module.exports = {
  ...preset,
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  globalSetup: '<rootDir>/chromium.global-setup.cjs',
  testTimeout: 120_000,
};
