export * from './lib/partner.type';
export * from './lib/payloads.type';
export * from './lib/partner-commands.input';
export * from './lib/webhook-endpoint.input';
export * from './lib/partners-api.module';
export * from './lib/webhook-url-settings.module';
