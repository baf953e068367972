export * from './standard-webhooks.verifier';
export * from './webhook.receiver';
