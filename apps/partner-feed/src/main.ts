import { partnersMigrations } from '@sooc/partners-read-models';
import { startWebhookDelivery, type WebhookDelivery } from '@sooc/partners-delivery';
import {
  announceWorkerHttp,
  clockFromEnv,
  configOrExit,
  createLineLogger,
  createMetricsRegistry,
  describeError as describe,
  exitGracefullyOnSignal,
  openStores,
  runSingleton,
  startTracing,
  startWorkerHttp,
  workerActiveGauge,
  workerHealth,
} from '@sooc/runtime';
import { loadPartnerFeedConfig } from './partner-feed.config';
import { deliveryMetrics } from './partner-feed.metrics';

/**
 * apps/partner-feed: the webhook delivery worker on its own, one active instance per read
 * database (the lease "partner-feed"), the others standing by. The feed itself is projected by
 * the projector; this process only delivers it.
 */
async function main(): Promise<void> {
  const tracing = startTracing('partner-feed');
  const { config, clock } = configOrExit(() => ({
    config: loadPartnerFeedConfig(process.env),
    clock: clockFromEnv(process.env),
  }));
  const log = createLineLogger('partner-feed', config.logLevel);
  const stores = await openStores(config, [{ context: 'partners', migrations: partnersMigrations, projections: [] }]);
  const registry = createMetricsRegistry('partner-feed');
  let delivery: WebhookDelivery | null = null;
  const singleton = runSingleton({
    readDb: stores.readDatabase.db,
    name: 'partner-feed',
    instanceId: config.instanceId,
    ttlMs: config.leaseTtlMs,
    log,
    start: async ({ fence }) => {
      const started = startWebhookDelivery({
        eventStore: stores.eventStore,
        readDb: stores.readDatabase.db,
        clock,
        log,
        settings: config.webhooks,
        fence,
        openSecrets: (sealed) => stores.personalData.reveal(sealed),
      });
      delivery = started;
      return { stop: () => started.stop(), failed: started.failed };
    },
  });
  workerActiveGauge(registry, 'partner-feed', () => singleton.role() === 'active');
  deliveryMetrics(registry, stores.readDatabase.db, () => delivery?.counters ?? null);
  const http = await startWorkerHttp({
    host: config.host,
    port: config.port,
    health: () =>
      workerHealth({
        role: () => singleton.role(),
        readDb: stores.readDatabase.db,
        eventStore: stores.eventStore,
        eventTypes: [],
        active: async () => ({ running: delivery !== null, checkpoint: null, failure: null }),
      }),
    registry,
  }).catch(async (error: unknown) => {
    await singleton.stop();
    await stores.close();
    throw error;
  });
  announceWorkerHttp(log, config.host, http.port);

  const close = async () => {
    await http.close();
    await stores.close();
  };
  exitGracefullyOnSignal(
    async (signal) => {
      log.info(`${signal} received, stopping after the deliveries in flight`);
      await singleton.stop();
      await close();
      await tracing?.shutdown();
    },
    (error) => log.error(`shutdown failed: ${describe(error)}`),
  );
  void singleton.failed.then(async (failure) => {
    log.error(`partner feed failed, exiting: ${describe(failure)}`);
    await close().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  createLineLogger('partner-feed', 'info').error(`failed to start: ${describe(error)}`);
  process.exit(1);
});
