import 'reflect-metadata';
import {
  configOrExit,
  createLineLogger,
  describeError,
  exitGracefullyOnSignal,
  startTracing,
  type LineLogger,
} from '@sooc/runtime';
import { statfsSync } from 'node:fs';
import { isStorageFull } from '@sooc/event-sourcing';
import { errorMessage } from '@sooc/util';
import { loadConfig } from './gateway.config';
import { MIN_FREE_BYTES } from './gateway.health';
import { createGateway } from './gateway.bootstrap';
import { startLines } from './gateway.start-lines';
import { WorkersUnavailableError } from './workers-unavailable.error';

let log: LineLogger | null = null;

async function main(): Promise<void> {
  const config = configOrExit(() => loadConfig(process.env));
  // Before the gateway is built: its request hook traces only when tracing is on at that moment.
  const tracing = startTracing('gateway');
  log = createLineLogger('gateway', config.logLevel, { warningsTo: 'stderr' });
  const started = log;
  for (const line of startLines(config)) started.info(line);
  const gateway = await createGateway(config, { log: started });
  started.announce(`ready: ${gateway.url}`);

  // Another instance took a lease (or an embedded worker failed): this gateway no longer projects
  // or reacts, so it stops and lets its supervisor start it again, as a worker would.
  void gateway.infrastructure.embedded?.lost.then((error) => {
    started.error(`${error.message}; exiting`);
    process.exit(1);
  });

  exitGracefullyOnSignal(
    (signal) => {
      started.announce(`${signal} received, shutting down`);
      return gateway.close().then(() => tracing?.shutdown());
    },
    (error) => started.error(`shutdown failed: ${describeError(error)}`),
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
  (log ?? createLineLogger('gateway', 'info')).error(`failed to start: ${reason}`);
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
