module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'cohorts-process-managers',
  rootDir: __dirname,
};
