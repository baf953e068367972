const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'partner-feed',
  rootDir: __dirname,
  // The kill spec starts and SIGKILLs real partner-feed processes.
  testTimeout: 120_000,
};
