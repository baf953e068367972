import { randomUUID } from 'node:crypto';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { migrateToLatest } from '../lib/migrate';
import { openReadDatabase, type ReadDatabase, type ReadDialect } from '../lib/read-database';
import { countMigrations, type CountEvent } from './stream-counts.projection';
import { testDatabase, type TestDatabase } from './test-databases';

export interface RunnerFixture {
  readonly url: string;
  readonly store: EventStore;
  readonly read: ReadDatabase;
  dispose(): Promise<void>;
}

/** A migrated read database of the given dialect and an empty memory event store. */
export async function runnerFixture(dialect: ReadDialect): Promise<RunnerFixture> {
  const target: TestDatabase = await testDatabase(dialect);
  const read = openReadDatabase(target.url);
  await migrateToLatest(read.db, [countMigrations]);
  const store = new MemoryEventStore();
  return {
    url: target.url,
    store,
    read,
    dispose: async () => {
      await store.close();
      await read.close();
      await target.dispose();
    },
  };
}

/** Appends events to one stream; resolves to the position of the last. */
export async function append(store: EventStore, streamId: string, events: readonly CountEvent[]): Promise<bigint> {
  const metadata = {
    occurredAt: new Date().toISOString(),
    actor: { id: 'test', role: 'system' as const },
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
  const result = await store.append(
    streamId,
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata })),
    { expectedRevision: 'any' },
  );
  return result.position;
}

export const counted = (by = 1): CountEvent => ({ type: 'Counted', data: { by } });
export const closed = (): CountEvent => ({ type: 'Closed', data: {} });
export const removed = (): CountEvent => ({ type: 'Removed', data: {} });
export const noted = (): CountEvent => ({ type: 'Noted', data: {} });
export const exploded = (boom = true): CountEvent => ({ type: 'Exploded', data: { boom } });
