import type { Decider } from './decider.types';
import type { DomainEvent } from './event.types';
import type { EventStore } from './event-store.port';

export interface FoldedStream<S> {
  readonly state: S;
  /** Revision of the last event folded in; null for a stream that does not exist yet. */
  readonly revision: bigint | null;
}

type Folder<E extends DomainEvent, S> = Pick<Decider<never, E, S>, 'evolve' | 'initialState'>;

/**
 * Folded states of recently used streams, so that a hot stream (a cohort taking 1,000
 * applications) is read from where it was last folded instead of from its first event each
 * time. Entries only ever move forward: the store stays the truth, the cache only saves reads.
 * States must be immutable (every evolve returns a new object) since callers share them.
 * Least recently used entries go first once `maxEntries` is reached.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, { readonly folder: unknown; readonly folded: FoldedStream<unknown> }>();

  constructor(private readonly maxEntries = 2_000) {}

  get<S>(folder: Folder<never, S>, streamId: string): FoldedStream<S> | undefined {
    const entry = this.entries.get(streamId);
    // Another decider may fold the same stream differently: its state is not ours.
    if (!entry || entry.folder !== folder) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.folded as FoldedStream<S>;
  }

  set<S>(folder: Folder<never, S>, streamId: string, folded: FoldedStream<S>): void {
    const current = this.entries.get(streamId);
    if (current && current.folder === folder && isAhead(current.folded.revision, folded.revision)) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { folder, folded });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

function isAhead(a: bigint | null, b: bigint | null): boolean {
  if (a === null) return false;
  return b === null || a > b;
}

/** Folds a stream, reading only what the cache has not seen yet when one is given. */
export async function loadStream<E extends DomainEvent, S>(
  store: EventStore,
  folder: Folder<E, S>,
  streamId: string,
  cache?: StreamStateCache,
): Promise<FoldedStream<S>> {
  const cached = cache?.get(folder as Folder<never, S>, streamId);
  const from = cached?.revision == null ? 'start' : cached.revision + 1n;
  const events = await store.readStream(streamId, { from });
  let state = cached ? cached.state : folder.initialState();
  for (const event of events) state = folder.evolve(state, event as unknown as E);
  const revision = events.length > 0 ? events[events.length - 1].revision : (cached?.revision ?? null);
  const folded = { state, revision };
  cache?.set(folder as Folder<never, S>, streamId, folded);
  return folded;
}
