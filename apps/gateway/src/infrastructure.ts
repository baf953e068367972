import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cohortProjection, cohortsMigrations, courseProjection } from '@sooc/cohorts-read-models';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore, SqliteEventStore } from '@sooc/event-store';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type ReadDatabase } from '@sooc/read-store';
import type { GatewayConfig } from './gateway.config';

/** Everything the embedded gateway owns outside Nest: opened before the app, closed after it. */
export interface Infrastructure {
  readonly eventStore: EventStore;
  readonly readDatabase: ReadDatabase;
  readonly runner: ProjectionRunner;
  /** Stops the runner at a checkpoint, then closes the read database and the event store. */
  close(): Promise<void>;
}

function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return path;
}

export function openEventStore(url: string): EventStore {
  if (url === 'memory:') return new MemoryEventStore();
  return SqliteEventStore.open(sqlitePath(url));
}

/** Embedded mode: event store, read database (migrated) and projection runner in this process. */
export async function openInfrastructure(config: GatewayConfig): Promise<Infrastructure> {
  const eventStore = openEventStore(config.eventStoreUrl);
  let readDatabase: ReadDatabase | null = null;
  try {
    if (config.readDbUrl.startsWith('sqlite:')) sqlitePath(config.readDbUrl);
    readDatabase = openReadDatabase(config.readDbUrl);
    await migrateToLatest(readDatabase.db, [cohortsMigrations]);
    const runner = new ProjectionRunner({ store: eventStore, db: readDatabase.db, projections: [cohortProjection, courseProjection] });
    await runner.start();
    const opened = readDatabase;
    return {
      eventStore,
      readDatabase: opened,
      runner,
      async close() {
        await runner.stop();
        await opened.close();
        await eventStore.close();
      },
    };
  } catch (error) {
    await readDatabase?.close();
    await eventStore.close();
    throw error;
  }
}
