module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'cohorts-read-models', rootDir: __dirname };
