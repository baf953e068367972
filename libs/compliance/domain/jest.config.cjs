module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'compliance-domain', rootDir: __dirname };
