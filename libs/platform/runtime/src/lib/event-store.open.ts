import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { EsdbEventStore, MemoryEventStore, SqliteEventStore } from '@sooc/event-store';

/** The file behind a `sqlite:` URL, with its directory created: a fresh data dir must just work. */
export function sqliteFile(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return path;
}

/**
 * `memory:`, `sqlite:<path>`, `esdb://…` or `esdb+discover://…`; the URL was validated by the
 * config. EventStoreDB's client connects on first use: an unreachable server shows up as
 * EsdbUnreachableError from the first call (the readiness check), not here.
 */
export function openEventStore(url: string): EventStore {
  if (url === 'memory:') return new MemoryEventStore();
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://')) return EsdbEventStore.connect(url);
  return SqliteEventStore.open(sqliteFile(url));
}
