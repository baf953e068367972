import 'reflect-metadata';
import { configOrExit, createLineLogger, describeError, exitGracefullyOnSignal } from '@sooc/runtime';
import { loadConfig } from './gateway.config';
import { createGateway } from './gateway.bootstrap';
import { startLines } from './gateway.start-lines';
import { WorkersUnavailableError } from './workers-unavailable.error';

async function main(): Promise<void> {
  const config = configOrExit(() => loadConfig(process.env));
  const log = createLineLogger('gateway', config.logLevel);
  for (const line of startLines(config)) log.info(line);
  const gateway = await createGateway(config);
  process.stdout.write(`sooc gateway ready: ${gateway.url}\n`);

  // Another instance took a lease (or an embedded worker failed): this gateway no longer projects
  // or reacts, so it stops and lets its supervisor start it again, as a worker would.
  void gateway.infrastructure.embedded?.lost.then((error) => {
    process.stderr.write(`sooc gateway: ${error.message}; exiting\n`);
    process.exit(1);
  });

  exitGracefullyOnSignal(
    (signal) => {
      process.stdout.write(`sooc gateway: ${signal} received, shutting down\n`);
      return gateway.close();
    },
    (error) => process.stderr.write(`sooc gateway: shutdown failed: ${describeError(error)}\n`),
  );
}

main().catch((error: unknown) => {
  // A held lease is an operator's situation, not a bug: the message says what to do, no stack.
  process.stderr.write(
    `sooc gateway failed to start: ${error instanceof WorkersUnavailableError ? error.message : describeError(error)}\n`,
  );
  process.exit(1);
});
