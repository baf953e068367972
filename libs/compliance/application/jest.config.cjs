module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'compliance-application', rootDir: __dirname };
