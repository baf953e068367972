import { clockFromEnv, configOrExit, describeError as describe, exitGracefullyOnSignal } from '@sooc/runtime';
import { createLogger, openReactorStores, startReactor } from '@sooc/reactor-engine';
import { loadReactorConfig } from './reactor.config';

async function main(): Promise<void> {
  const { config, clock } = configOrExit(() => ({ config: loadReactorConfig(process.env), clock: clockFromEnv(process.env) }));
  const log = createLogger(config.logLevel);
  const stores = await openReactorStores(config);
  const reactor = await startReactor({ eventStore: stores.eventStore, readDb: stores.readDatabase.db, clock, log, tickMs: config.tickMs }).catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });

  exitGracefullyOnSignal(
    async (signal) => {
      log.info(`${signal} received, stopping at a checkpoint`);
      await reactor.stop();
      log.info(`stopped at position ${reactor.status().checkpoint ?? 'none'}`);
      await stores.close();
    },
    (error) => log.error(`shutdown failed: ${describe(error)}`),
  );

  // It never skips an event: a supervisor restarts a worker that exits, and the restart resumes
  // from the last saved checkpoint.
  void reactor.failed.then(async (failure) => {
    log.error(`reactor failed, exiting: ${describe(failure)}`);
    await reactor.stop().catch(() => undefined);
    await stores.close().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`sooc reactor failed to start: ${describe(error)}\n`);
  process.exit(1);
});
