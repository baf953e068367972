export * from './lib/webhook-url.policy';
export * from './lib/webhook.signer';
export * from './lib/cloud-event.mapper';
export * from './lib/retry.schedule';
