export * from './lib/webhook.post';
export * from './lib/delivery.store';
export * from './lib/webhook.delivery';
