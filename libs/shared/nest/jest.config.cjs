module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-nest', rootDir: __dirname };
