module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'cohorts-api', rootDir: __dirname };
