module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'partners-feed', rootDir: __dirname };
