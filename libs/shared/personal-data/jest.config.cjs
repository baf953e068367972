module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-personal-data', rootDir: __dirname };
