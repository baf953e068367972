export * from './lib/webhook-url.policy';
export * from './lib/webhook.signer';
export * from './lib/retry.schedule';
