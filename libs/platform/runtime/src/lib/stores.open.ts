import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { EventStore } from '@sooc/event-sourcing';
import { openKeyStore } from '@sooc/key-store';
import { isRewritable, PersonalDataEventStore, PersonalDataVault, sealEventsWrittenInClear } from '@sooc/personal-data';
import { ProjectionRunner, ReadModelFollower, type ReadDatabase, type ReadDb } from '@sooc/read-store';
import { openEventStore, sqliteFile } from './event-store.open';
import { PERSONAL_DATA, UPCASTERS } from './event-schemas.registry';
import { openMigratedReadDatabase } from './read-database.open';
import { allProjections, READ_MODELS, type ReadModelSet } from './read-models.registry';
import type { StoreConfig } from './store.config';

export interface Stores {
  /** Seals personal data on the way in, lifts old event versions on the way out (every reader uses it). */
  readonly eventStore: EventStore;
  readonly readDatabase: ReadDatabase;
  /** Opens sealed personal data for the edge (responses, exports); erases a learner's key. */
  readonly personalData: PersonalDataVault;
  /** Closes the read database, then the event store and the key store. Stop runners first. */
  close(): Promise<void>;
}

async function compactSqlite(readDatabase: ReadDatabase): Promise<void> {
  await sql`VACUUM`.execute(readDatabase.db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(readDatabase.db);
}

/** Beside the SQLite event file, or in memory beside a memory store; other stores need SOOC_KEY_STORE_URL. */
export function defaultKeyStoreUrl(eventStoreUrl: string): string {
  if (eventStoreUrl === 'memory:') return 'memory:';
  if (eventStoreUrl.startsWith('sqlite:')) return `sqlite:${join(dirname(sqliteFile(eventStoreUrl)), 'keys.sqlite')}`;
  throw new Error(`SOOC_KEY_STORE_URL is required with the event store ${eventStoreUrl}`);
}

/**
 * The event store (behind the personal-data layer), the key store and the migrated read database
 * named by the config. On SQLite, events written in clear by a release before sealing are sealed
 * in place first (docs/ARCHITECTURE.md, "Compliance").
 */
export async function openStores(
  config: Pick<StoreConfig, 'eventStoreUrl' | 'readDbUrl'> & Partial<Pick<StoreConfig, 'keyStoreUrl'>>,
  sets: readonly ReadModelSet[] = READ_MODELS,
  /**
   * A service's bound on PostgreSQL (the read database, the key store): a connection or statement
   * the server does not answer within it fails as an outage. 0 (one-off commands): none.
   */
  { answerWithinMs = 0 }: { answerWithinMs?: number } = {},
): Promise<Stores> {
  const raw = openEventStore(config.eventStoreUrl);
  const closers: (() => Promise<void>)[] = [() => raw.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const keys = await openKeyStore(config.keyStoreUrl ?? defaultKeyStoreUrl(config.eventStoreUrl), { answerWithinMs });
    closers.push(() => keys.close());
    const personalData = new PersonalDataVault(keys, PERSONAL_DATA);
    const sealed = isRewritable(raw) ? await sealEventsWrittenInClear(raw, personalData, UPCASTERS) : 0;
    const eventStore = new PersonalDataEventStore(raw, personalData, UPCASTERS);
    // The stores of a running service: projecting under load, its checkpoints off the thread.
    const readDatabase = await openMigratedReadDatabase(config.readDbUrl, sets, { backgroundCheckpoints: true });
    closers.push(() => readDatabase.close());
    // After the migrations, which may rightly run longer than a request may wait.
    if (answerWithinMs > 0) readDatabase.answerWithin?.(answerWithinMs);
    // The migrations emptied the read models that held those events' text in clear; on SQLite the
    // freed pages may keep old copies until the file is written anew.
    if (sealed > 0 && readDatabase.dialect === 'sqlite') await compactSqlite(readDatabase);
    return { eventStore, readDatabase, personalData, close: closeAll };
  } catch (error) {
    await closeAll();
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
