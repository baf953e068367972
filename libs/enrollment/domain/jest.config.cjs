module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'enrollment-domain', rootDir: __dirname };
