module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'enrollment-application', rootDir: __dirname };
