import type { EventStore } from '@sooc/event-sourcing';
import { ProjectionRunner, ReadModelFollower, type ReadDatabase, type ReadDb } from '@sooc/read-store';
import { openEventStore } from './event-store.open';
import { openMigratedReadDatabase } from './read-database.open';
import { allProjections, READ_MODELS, type ReadModelSet } from './read-models.registry';
import type { StoreConfig } from './store.config';

export interface Stores {
  readonly eventStore: EventStore;
  readonly readDatabase: ReadDatabase;
  /** Closes the read database, then the event store. Stop runners first. */
  close(): Promise<void>;
}

/** The event store and the migrated read database named by the config. */
export async function openStores(
  config: Pick<StoreConfig, 'eventStoreUrl' | 'readDbUrl'>,
  sets: readonly ReadModelSet[] = READ_MODELS,
): Promise<Stores> {
  const eventStore = openEventStore(config.eventStoreUrl);
  try {
    const readDatabase = await openMigratedReadDatabase(config.readDbUrl, sets);
    return {
      eventStore,
      readDatabase,
      async close() {
        await readDatabase.close();
        await eventStore.close();
      },
    };
  } catch (error) {
    await eventStore.close();
    throw error;
  }
}

/**
 * A runner over every registered projection (not started): the gateway's embedded one and the
 * projector's are the same. It writes the change log, so gateways that only follow the read
 * models (SOOC_WORKERS=none) hear its commits; one runs at a time (the projector's lease).
 */
export function createProjectionRunner(
  stores: Pick<Stores, 'eventStore' | 'readDatabase'>,
  config: Pick<StoreConfig, 'projectionBatchSize'> = {},
  sets: readonly ReadModelSet[] = READ_MODELS,
  /** The projector lease's fence (runSingleton's tenure): no batch commits once another instance holds it. */
  fence?: (trx: ReadDb) => Promise<void>,
): ProjectionRunner {
  return new ProjectionRunner({
    store: stores.eventStore,
    db: stores.readDatabase.db,
    projections: allProjections(sets),
    // On PostgreSQL each batch also NOTIFYs the followers of other processes (ReadModelFollower).
    changeLog: { notify: stores.readDatabase.dialect === 'postgres' },
    ...(config.projectionBatchSize === undefined ? {} : { batchSize: config.projectionBatchSize }),
    ...(fence ? { fence } : {}),
  });
}

/** What a gateway that does not run the projections waits on and listens to (not started). */
export function createReadModelFollower(
  stores: Pick<Stores, 'eventStore' | 'readDatabase'>,
  sets: readonly ReadModelSet[] = READ_MODELS,
): ReadModelFollower {
  return new ReadModelFollower({
    store: stores.eventStore,
    db: stores.readDatabase.db,
    projections: allProjections(sets),
    // PostgreSQL: woken by the projector's NOTIFY at each commit; SQLite: polls.
    ...(stores.readDatabase.listen ? { listen: stores.readDatabase.listen } : {}),
  });
}
