import type { EventStore } from '@sooc/event-sourcing';
import type { ProjectionRunner, ReadDatabase } from '@sooc/read-store';
import { createProjectionRunner, openStores, type StoreConfig } from '@sooc/runtime';

export { openEventStore } from '@sooc/runtime';

/** Everything the embedded gateway owns outside Nest: opened before the app, closed after it. */
export interface Infrastructure {
  readonly eventStore: EventStore;
  readonly readDatabase: ReadDatabase;
  readonly runner: ProjectionRunner;
  /** Stops the runner at a checkpoint, then closes the read database and the event store. */
  close(): Promise<void>;
}

/**
 * Embedded mode: event store, read database (migrated) and projection runner in this process —
 * the same stores and projections apps/projector runs on its own (see @sooc/runtime).
 */
export async function openInfrastructure(config: StoreConfig): Promise<Infrastructure> {
  const stores = await openStores(config);
  try {
    const runner = createProjectionRunner(stores, config);
    await runner.start();
    return {
      eventStore: stores.eventStore,
      readDatabase: stores.readDatabase,
      runner,
      async close() {
        await runner.stop();
        await stores.close();
      },
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
