export * from './lib/webhook-url.policy';
