export * from './lib/tokens';
export * from './lib/clock';
export * from './lib/request-context';
export * from './lib/request-context.interceptor';
export * from './lib/read-model-sync.port';
export * from './lib/command-runner';
export * from './lib/sooc-core.module';
export * from './lib/command-outcome';
