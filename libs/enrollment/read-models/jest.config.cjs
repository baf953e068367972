module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'enrollment-read-models', rootDir: __dirname };
