import type { EventStore } from '@sooc/event-sourcing';
import type { ProjectionRunner, ReadDatabase } from '@sooc/read-store';
// Embedded mode runs apps/reactor's code in this process (see docs/ARCHITECTURE.md, known gaps).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createLogger, startReactor, type Reactor } from '@sooc/reactor';
import { createProjectionRunner, openStores, type Clock, type LogLevel, type StoreConfig } from '@sooc/runtime';

export { openEventStore } from '@sooc/runtime';

/** Everything the embedded gateway owns outside Nest: opened before the app, closed after it. */
export interface Infrastructure {
  readonly eventStore: EventStore;
  readonly readDatabase: ReadDatabase;
  readonly runner: ProjectionRunner;
  readonly reactor: Reactor;
  /** Stops the reactor and the runner at a checkpoint, then closes the read database and the event store. */
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  readonly clock: Clock;
  readonly reactorTickMs: number;
  readonly logLevel: LogLevel;
}

/**
 * Embedded mode: event store, read database (migrated), projection runner and reactor in this
 * process — the same stores, projections and process managers apps/projector and apps/reactor
 * run on their own (see @sooc/runtime).
 */
export async function openInfrastructure(config: StoreConfig, options: InfrastructureOptions): Promise<Infrastructure> {
  const stores = await openStores(config);
  const runner = createProjectionRunner(stores, config);
  let reactor: Reactor | null = null;
  try {
    await runner.start();
    reactor = await startReactor({
      eventStore: stores.eventStore,
      readDb: stores.readDatabase.db,
      clock: options.clock,
      log: createLogger(options.logLevel),
      tickMs: options.reactorTickMs,
    });
    const started = reactor;
    return {
      eventStore: stores.eventStore,
      readDatabase: stores.readDatabase,
      runner,
      reactor: started,
      async close() {
        await started.stop();
        await runner.stop();
        await stores.close();
      },
    };
  } catch (error) {
    await reactor?.stop().catch(() => undefined);
    await runner.stop().catch(() => undefined);
    await stores.close();
    throw error;
  }
}
