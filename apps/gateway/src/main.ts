import 'reflect-metadata';
import { configOrExit, createLineLogger, describeError, exitGracefullyOnSignal } from '@sooc/runtime';
import { statfsSync } from 'node:fs';
import { isStorageFull } from '@sooc/event-sourcing';
import { errorMessage } from '@sooc/util';
import { loadConfig } from './gateway.config';
import { MIN_FREE_BYTES } from './gateway.health';
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
  // A held lease or a full disk is an operator's situation, not a bug: the message says what to do, no stack.
  const reason =
    error instanceof WorkersUnavailableError
      ? error.message
      : diskFull(error)
        ? `the disk under ${dataDir()} is full (SQLite said: ${errorMessage(error)}): free some space and start again`
        : describeError(error);
  process.stderr.write(`sooc gateway failed to start: ${reason}\n`);
  process.exit(1);
});

const dataDir = () => process.env['SOOC_DATA_DIR'] || './data';

/**
 * SQLite names a full disk SQLITE_FULL only mid-transaction; opening a database whose log or
 * shared-memory file cannot be created says "disk I/O error". The free space says which it was.
 */
function diskFull(error: unknown): boolean {
  if (isStorageFull(error)) return true;
  try {
    const { bavail, bsize } = statfsSync(dataDir());
    return bavail * bsize < MIN_FREE_BYTES;
  } catch {
    return false;
  }
}
