import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore, SqliteEventStore } from '@sooc/event-store';

/** The file behind a `sqlite:` URL, with its directory created: a fresh data dir must just work. */
export function sqliteFile(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** `memory:` or `sqlite:<path>`; the URL was validated by the config. */
export function openEventStore(url: string): EventStore {
  if (url === 'memory:') return new MemoryEventStore();
  return SqliteEventStore.open(sqliteFile(url));
}
