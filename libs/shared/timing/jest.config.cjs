module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'timing', rootDir: __dirname };
