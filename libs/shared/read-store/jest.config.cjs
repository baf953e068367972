module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-read-store', rootDir: __dirname };
