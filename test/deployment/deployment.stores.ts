import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { EsdbEventStore, SqliteEventStore } from '@sooc/event-store';
import { EsdbStandIn } from '@sooc/event-store/testing';
import { createTestDatabase, dropTestDatabase } from '@sooc/read-store/testing';

export type StoreSetup = 'sqlite' | 'esdb+postgres';

/** The stores every process of one deployment shares, and the test's own view of the event store. */
export interface DeploymentStores {
  readonly setup: StoreSetup;
  /** SOOC_EVENT_STORE_URL and SOOC_READ_DB_URL, the same for every process. */
  readonly env: Record<string, string>;
  /** SOOC_DATA_DIR of every process: where the gateways' local signing key is. */
  readonly dataDir: string;
  /** A client of its own to the event store, to check the history the processes wrote. */
  readonly eventStore: EventStore;
  /** esdb+postgres: the EventStoreDB stand-in, which a spec may interrupt and resume (an outage). */
  readonly standIn?: EsdbStandIn;
  /** After every process exited. */
  dispose(): Promise<void>;
}

/**
 * `sqlite`: both files in a fresh temporary directory (every process opens them itself).
 * `esdb+postgres`: the EventStoreDB stand-in listening in this jest process (the children reach
 * it over TCP, as they would a real node) and a fresh database on the test PostgreSQL.
 */
export async function openDeploymentStores(
  setup: StoreSetup,
  options: { readonly readDbUrl?: string } = {},
): Promise<DeploymentStores> {
  // Every process's data directory (the signing and reference keys, which the gateways share), and the SQLite files.
  const dir = mkdtempSync(join(tmpdir(), 'sooc-deployment-'));
  if (setup === 'sqlite') {
    const file = join(dir, 'events.sqlite');
    let eventStore: SqliteEventStore | null = null;
    return {
      setup,
      dataDir: dir,
      env: {
        SOOC_DATA_DIR: dir,
        SOOC_EVENT_STORE_URL: `sqlite:${file}`,
        SOOC_READ_DB_URL: `sqlite:${join(dir, 'read.sqlite')}`,
      },
      // Opened on first use, by when the processes have created the file: this client only reads.
      get eventStore() {
        eventStore ??= SqliteEventStore.open(file);
        return eventStore;
      },
      async dispose() {
        await eventStore?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const standIn = await EsdbStandIn.start();
  let readDbUrl: string;
  try {
    // A server of the spec's own (one it stops) is the spec's to remove: its database is used as it is.
    readDbUrl = options.readDbUrl ?? (await createTestDatabase('deployment'));
  } catch (error) {
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const eventStore = EsdbEventStore.connect(standIn.url);
  return {
    setup,
    dataDir: dir,
    env: { SOOC_DATA_DIR: dir, SOOC_EVENT_STORE_URL: standIn.url, SOOC_READ_DB_URL: readDbUrl },
    eventStore,
    standIn,
    async dispose() {
      await eventStore.close();
      await standIn.stop();
      if (!options.readDbUrl) await dropTestDatabase(readDbUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
