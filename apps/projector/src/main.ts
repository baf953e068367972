import { ConfigError } from '@sooc/runtime';
import { startProjector } from './projector';
import { loadProjectorConfig } from './projector.config';
import { createLogger } from './projector.logger';

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

async function main(): Promise<void> {
  let config;
  try {
    config = loadProjectorConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const projector = await startProjector(config, log);

  const shutdown = (signal: NodeJS.Signals) => {
    log.info(`${signal} received, stopping at a checkpoint`);
    projector.stop().then(
      (position) => {
        log.info(`stopped at position ${position ?? 'none'}`);
        process.exit(0);
      },
      (error: unknown) => {
        log.error(`shutdown failed: ${describe(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  // A runner stops on a failure instead of skipping an event; a supervisor restarts a worker
  // that exits, and the restart resumes from the last committed checkpoint.
  void projector.failed.then(async (failure) => {
    log.error(`projection failed, exiting: ${describe(failure)}`);
    await projector.stop().catch(() => undefined);
    process.exit(1);
  });
  projector.caughtUp.catch(() => undefined);
}

main().catch((error: unknown) => {
  process.stderr.write(`sooc projector failed to start: ${describe(error)}\n`);
  process.exit(1);
});
