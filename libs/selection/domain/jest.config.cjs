module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'selection-domain', rootDir: __dirname };
