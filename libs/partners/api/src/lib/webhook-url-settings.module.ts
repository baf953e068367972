import { DynamicModule, Global, Module } from '@nestjs/common';
import type { WebhookUrlPolicy } from '@sooc/partners-feed';

/** The injection token of the settings below. */
export const WEBHOOK_URL_SETTINGS = Symbol('WEBHOOK_URL_SETTINGS');

/** How webhook URLs are checked before they are stored: the deployment's choice, read from its configuration. */
export type WebhookUrlSettings = Pick<WebhookUrlPolicy, 'production' | 'allowPrivate'>;

/** Binds the webhook URL settings once, at the root (the gateway, from its config), for PartnersApiModule's resolvers. */
@Global()
@Module({})
export class WebhookUrlSettingsModule {
  static forRoot(settings: WebhookUrlSettings): DynamicModule {
    return {
      module: WebhookUrlSettingsModule,
      providers: [{ provide: WEBHOOK_URL_SETTINGS, useValue: settings }],
      exports: [WEBHOOK_URL_SETTINGS],
    };
  }
}
