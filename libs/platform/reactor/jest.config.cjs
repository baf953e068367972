module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'reactor-engine', rootDir: __dirname };
