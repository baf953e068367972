// Shared by every project's jest.config.cjs. Tests run the TypeScript sources through swc;
// the "@sooc/source" export condition points workspace packages at src/, never at a stale dist/.
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@sooc/source', 'node', 'node-addons'] },
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
    // kysely 0.29 and jose 6 ship ESM only; Node ≥ 20.19 require()s them, jest's module system cannot.
    '/node_modules/(kysely|jose)/.+\\.js$': ['@swc/jest', swcOptions],
  },
  transformIgnorePatterns: ['/node_modules/(?!(kysely|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: [require.resolve('./tools/jest-setup.cjs')],
};
