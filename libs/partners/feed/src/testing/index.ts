export * from './standard-webhooks.verifier';
