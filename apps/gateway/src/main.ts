import 'reflect-metadata';
import { configOrExit, describeError, exitGracefullyOnSignal } from '@sooc/runtime';
import { loadConfig } from './gateway.config';
import { createGateway } from './gateway.bootstrap';

async function main(): Promise<void> {
  const config = configOrExit(() => loadConfig(process.env));
  const gateway = await createGateway(config);
  process.stdout.write(`sooc gateway ready: ${gateway.url}\n`);

  exitGracefullyOnSignal(
    (signal) => {
      process.stdout.write(`sooc gateway: ${signal} received, shutting down\n`);
      return gateway.close();
    },
    (error) => process.stderr.write(`sooc gateway: shutdown failed: ${describeError(error)}\n`),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`sooc gateway failed to start: ${describeError(error)}\n`);
  process.exit(1);
});
