import 'reflect-metadata';
import { ConfigError, loadConfig } from './gateway.config';
import { createGateway } from './gateway.bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const gateway = await createGateway(config);
  process.stdout.write(`sooc gateway ready: ${gateway.url}\n`);

  const shutdown = (signal: NodeJS.Signals) => {
    process.stdout.write(`sooc gateway: ${signal} received, shutting down\n`);
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sooc gateway: shutdown failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`sooc gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
