module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'selection-application', rootDir: __dirname };
