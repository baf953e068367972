const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'projector',
  rootDir: __dirname,
  // The crash spec starts and kills real projector processes; its own deadlines are tighter.
  testTimeout: 60_000,
};
