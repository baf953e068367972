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
 * Events written sealed are left alone (at whatever version), so a second start rewrites nothing.
 */
export async function sealEventsWrittenInClear(
  store: RewritableEventStore,
  vault: PersonalDataVault,
  upcasters: UpcasterRegistry,
): Promise<number> {
  return store.rewriteEvents(vault.sealedSince(), (event) => sealedInCurrentVersion(event, vault, upcasters));
}

/**
 * An event an earlier release wrote with personal data in clear, lifted to its current version
 * and sealed: what the store should hold instead. Null for an event written sealed.
 */
export async function sealedInCurrentVersion(
  event: RecordedEvent,
  vault: PersonalDataVault,
  upcasters: UpcasterRegistry,
): Promise<Pick<EventToAppend, 'data' | 'metadata'> | null> {
  if (!vault.writtenInClear(event.type, event.metadata.schemaVersion)) return null;
  const current = upcasters.upcast(event);
  return { data: await vault.sealWrittenInClear(current.type, current.data), metadata: current.metadata };
}
