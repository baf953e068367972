import type { DeliverySettings } from '@sooc/partners-delivery';
import {
  EnvReader,
  readStoreConfig,
  readWebhookSettings,
  readWorkerConfig,
  type Env,
  type StoreConfig,
  type WorkerConfig,
} from '@sooc/runtime';

export interface PartnerFeedConfig extends StoreConfig, WorkerConfig {
  readonly webhooks: DeliverySettings;
}

/**
 * The shared store settings, the worker's (health/metrics port, lease) and the webhooks', for the
 * delivery worker in its own process. Like the reactor, it needs stores other processes share.
 */
export function loadPartnerFeedConfig(env: Env = process.env): PartnerFeedConfig {
  const reader = new EnvReader(env);
  const store = readStoreConfig(reader);
  const worker = readWorkerConfig(reader, 'partner-feed');
  const webhooks = readWebhookSettings(reader, env['NODE_ENV'] === 'production');
  if (store.eventStoreUrl === 'memory:')
    reader.refuse(
      'SOOC_EVENT_STORE_URL',
      store.eventStoreUrl,
      '"sqlite:<path>" or "esdb://…": a store other processes write to',
    );
  if (store.readDbUrl === 'sqlite::memory:')
    reader.refuse(
      'SOOC_READ_DB_URL',
      store.readDbUrl,
      '"sqlite:<path>" or "postgres://…": the feed and the delivery log live there, written by the projector',
    );
  reader.done();
  return { ...store, ...worker, webhooks };
}
