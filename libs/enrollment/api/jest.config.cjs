module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'enrollment-api', rootDir: __dirname };
