import { createLogger, openReactorStores } from '@sooc/reactor-engine';
import {
  announceWorkerHttp,
  clockFromEnv,
  configOrExit,
  createMetricsRegistry,
  describeError as describe,
  exitGracefullyOnSignal,
  startTracing,
  startWorkerHttp,
} from '@sooc/runtime';
import { EventFollower } from '@sooc/read-store';
import { loadReactorConfig } from './reactor.config';
import { runReactorWorker } from './reactor.worker';

async function main(): Promise<void> {
  const tracing = startTracing('reactor');
  const { config, clock } = configOrExit(() => ({
    config: loadReactorConfig(process.env),
    clock: clockFromEnv(process.env),
  }));
  const log = createLogger(config.logLevel);
  const stores = await openReactorStores(config);
  const registry = createMetricsRegistry('reactor');
  // The process's one reader of $all, shared by every tenure's reactions and due-offers runner.
  const follower = new EventFollower(stores.eventStore);
  const worker = runReactorWorker({
    reactor: { eventStore: stores.eventStore, follower, readDb: stores.readDatabase.db, clock, tickMs: config.tickMs },
    log,
    instanceId: config.instanceId,
    ttlMs: config.leaseTtlMs,
    registry,
  });
  const http = await startWorkerHttp({
    host: config.host,
    port: config.port,
    health: () => worker.health(),
    registry,
  }).catch(async (error: unknown) => {
    await worker.singleton.stop();
    await stores.close();
    throw error;
  });
  announceWorkerHttp(log, config.host, http.port);

  const close = async () => {
    await follower.close();
    await http.close();
    await stores.close();
  };

  exitGracefullyOnSignal(
    async (signal) => {
      log.info(`${signal} received, stopping at a checkpoint`);
      // Stops the reactor (if active) at a checkpoint, then releases the lease: a standby takes over at once.
      await worker.singleton.stop();
      log.info(`stopped at position ${worker.reactor()?.status().checkpoint ?? 'none'}`);
      await close();
      await tracing?.shutdown();
    },
    (error) => log.error(`shutdown failed: ${describe(error)}`),
  );

  // It never skips an event: the failed reactor was stopped and the lease released (a standby
  // takes over at once); a supervisor restarts this process, which then stands by or resumes
  // from the last saved checkpoint.
  void worker.singleton.failed.then(async (failure) => {
    log.error(`reactor failed, exiting: ${describe(failure)}`);
    await close().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  createLogger('info').error(`failed to start: ${describe(error)}`);
  process.exit(1);
});
