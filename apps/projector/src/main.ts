import { configOrExit, describeError as describe, exitGracefullyOnSignal } from '@sooc/runtime';
import { startProjector } from './projector';
import { loadProjectorConfig } from './projector.config';
import { createLogger } from './projector.logger';

async function main(): Promise<void> {
  const config = configOrExit(() => loadProjectorConfig(process.env));
  const log = createLogger(config.logLevel);
  const projector = await startProjector(config, log);

  exitGracefullyOnSignal(
    async (signal) => {
      log.info(`${signal} received, stopping at a checkpoint`);
      const position = await projector.stop();
      log.info(`stopped at position ${position ?? 'none'}`);
    },
    (error) => log.error(`shutdown failed: ${describe(error)}`),
  );

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
