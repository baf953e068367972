import {
  announceWorkerHttp,
  projectedEventTypes,
  configOrExit,
  describeError as describe,
  exitGracefullyOnSignal,
  openStores,
  runSingleton,
  startTracing,
  startWorkerHttp,
  workerHealth,
} from '@sooc/runtime';
import { EventFollower } from '@sooc/read-store';
import { lowestCheckpoint, startProjector, type Projector } from './projector';
import { loadProjectorConfig } from './projector.config';
import { createLogger } from './projector.logger';
import { createProjectorMetrics } from './projector.metrics';

async function main(): Promise<void> {
  const tracing = startTracing('projector');
  const config = configOrExit(() => loadProjectorConfig(process.env));
  const log = createLogger(config.logLevel);
  const stores = await openStores(config);
  const metrics = createProjectorMetrics(stores);
  // The process's one reader of $all: each tenure's runner is a consumer of it, and so will be any
  // other consumer this process gains (docs/ARCHITECTURE.md, "One follower of $all per process").
  const follower = new EventFollower(stores.eventStore);
  // Of every projector on this read database, only the lease holder projects; the others stand by.
  let projector: Projector | null = null;
  const worker = runSingleton({
    readDb: stores.readDatabase.db,
    name: 'projector',
    instanceId: config.instanceId,
    ttlMs: config.leaseTtlMs,
    log,
    start: async (tenure) => {
      const started = await startProjector(
        { ...stores, eventStore: follower.store },
        config,
        log,
        metrics.projected,
        tenure,
      );
      started.runner.onBatchCommitted(metrics.visible);
      projector = started;
      return { failed: started.failed, stop: async () => void (await started.stop()) };
    },
  });
  metrics.track(worker);
  const http = await startWorkerHttp({
    host: config.host,
    port: config.port,
    registry: metrics.registry,
    health: () =>
      workerHealth({
        role: () => worker.role(),
        readDb: stores.readDatabase.db,
        eventStore: stores.eventStore,
        eventTypes: projectedEventTypes(),
        active: async () => {
          if (!projector) return { running: false, checkpoint: null };
          const status = await projector.runner.status();
          return { running: status.running, checkpoint: status.processed, failure: status.failure?.message ?? null };
        },
      }),
  });
  announceWorkerHttp(log, config.host, http.port);

  const shutdown = async () => {
    await worker.stop();
    await follower.close();
    await http.close();
    const position = await lowestCheckpoint(stores);
    await stores.close();
    return position;
  };
  exitGracefullyOnSignal(
    async (signal) => {
      log.info(`${signal} received, stopping at a checkpoint`);
      const position = await shutdown();
      log.info(`stopped at position ${position ?? 'none'}`);
      await tracing?.shutdown();
    },
    (error) => log.error(`shutdown failed: ${describe(error)}`),
  );

  // A runner stops on a failure instead of skipping an event; the singleton has already released
  // the lease (a standby takes over), and a supervisor restarts this process from the checkpoint.
  void worker.failed.then(async (failure) => {
    log.error(`projection failed, exiting: ${describe(failure)}`);
    await shutdown().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  createLogger('info').error(`failed to start: ${describe(error)}`);
  process.exit(1);
});
