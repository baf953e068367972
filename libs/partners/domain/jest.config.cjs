module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'partners-domain', rootDir: __dirname };
