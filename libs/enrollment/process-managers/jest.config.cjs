module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'enrollment-process-managers',
  rootDir: __dirname,
};
