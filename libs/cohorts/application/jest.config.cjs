module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'cohorts-application', rootDir: __dirname };
