const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'partners-delivery',
  rootDir: __dirname,
};
