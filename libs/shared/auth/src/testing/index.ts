export * from './test-identity';
