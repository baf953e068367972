const preset = require('../jest.preset.cjs');

// Reads the deployment files (compose, .env.example, Kubernetes, Dockerfile, docs) and runs each
// service's environment through that service's real config loader. Nothing is started.
module.exports = {
  ...preset,
  displayName: 'infra',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
