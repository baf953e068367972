module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-graphql', rootDir: __dirname };
