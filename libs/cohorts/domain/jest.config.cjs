module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'cohorts-domain', rootDir: __dirname };
