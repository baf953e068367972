module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'selection-api', rootDir: __dirname };
