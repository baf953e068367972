const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'cohorts-api',
  rootDir: __dirname,
};
