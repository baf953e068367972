import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from '@sooc/partners-delivery';
import type { EnvReader } from './env.reader';

const DAY_MS = 86_400_000;

/**
 * The partner webhooks' settings, read alike by the gateway (its embedded delivery worker and the
 * API's URL checks) and apps/partner-feed. Defaults are production's; tests compress time.
 */
export function readWebhookSettings(reader: EnvReader, production: boolean): DeliverySettings {
  return {
    production,
    allowPrivate: reader.read('SOOC_WEBHOOK_ALLOW_PRIVATE', false, 'true or false (true only for tests)', (raw) =>
      raw === 'true' ? true : raw === 'false' ? false : undefined,
    ),
    tickMs: reader.integer('SOOC_WEBHOOK_TICK_MS', DEFAULT_DELIVERY_SETTINGS.tickMs, 10, 60_000),
    timeoutMs: reader.integer('SOOC_WEBHOOK_TIMEOUT_MS', DEFAULT_DELIVERY_SETTINGS.timeoutMs, 100, 60_000),
    maxResponseBytes: DEFAULT_DELIVERY_SETTINGS.maxResponseBytes,
    disableAfterMs: reader.integer(
      'SOOC_WEBHOOK_DISABLE_AFTER_MS',
      DEFAULT_DELIVERY_SETTINGS.disableAfterMs,
      1_000,
      30 * DAY_MS,
      'milliseconds from 1000 to 30 days',
    ),
    retryScale: reader.read(
      'SOOC_WEBHOOK_RETRY_SCALE',
      DEFAULT_DELIVERY_SETTINGS.retryScale,
      'a number above 0 and at most 1 (the published schedule times it)',
      (raw) => {
        const n = /^\d*\.?\d+(e-?\d+)?$/i.test(raw) ? Number(raw) : NaN;
        return n > 0 && n <= 1 ? n : undefined;
      },
    ),
  };
}
