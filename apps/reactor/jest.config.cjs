const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'reactor',
  rootDir: __dirname,
  // The crash spec starts and kills real reactor processes; its own deadlines are tighter.
  testTimeout: 60_000,
};
