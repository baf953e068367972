const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'partners-api',
  rootDir: __dirname,
};
