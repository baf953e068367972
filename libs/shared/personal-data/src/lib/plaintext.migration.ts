import type { EventToAppend, RecordedEvent, UpcasterRegistry } from '@sooc/event-sourcing';
import type { PersonalDataVault } from './personal-data.vault';

/** A store that can rewrite its events in place: the SQLite store (EventStoreDB's events are immutable). */
export interface RewritableEventStore {
  rewriteEvents(
    below: Readonly<Record<string, number>>,
    rewrite: (event: RecordedEvent) => Promise<Pick<EventToAppend, 'data' | 'metadata'> | null>,
  ): Promise<number>;
}

export function isRewritable(store: unknown): store is RewritableEventStore {
  return typeof (store as Partial<RewritableEventStore>).rewriteEvents === 'function';
}

/**
 * Events written before personal data was sealed hold it in clear, and erasure must reach them
 * too: once, at start, each such event is lifted to its current version and sealed in place.
 * Events already current are left alone, so a second start rewrites nothing.
 */
export async function sealEventsWrittenInClear(
  store: RewritableEventStore,
  vault: PersonalDataVault,
  upcasters: UpcasterRegistry,
  types: readonly string[],
): Promise<number> {
  const below = Object.fromEntries(types.map((type) => [type, upcasters.currentVersion(type)]));
  return store.rewriteEvents(below, (event) => sealedInCurrentVersion(event, vault, upcasters));
}

/**
 * An event stored below its current version, lifted to it and with its personal data sealed:
 * what the store should hold instead. Null for an event already current (sealed when appended).
 */
export async function sealedInCurrentVersion(
  event: RecordedEvent,
  vault: PersonalDataVault,
  upcasters: UpcasterRegistry,
): Promise<Pick<EventToAppend, 'data' | 'metadata'> | null> {
  if (event.metadata.schemaVersion >= upcasters.currentVersion(event.type)) return null;
  const current = upcasters.upcast(event);
  return { data: await vault.sealWrittenInClear(current.type, current.data), metadata: current.metadata };
}
