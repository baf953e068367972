export * from './lib/webhook-url.policy';
export * from './lib/webhook.signer';
