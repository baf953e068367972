import type { EventStore } from '@sooc/event-sourcing';

/**
 * Read-your-writes test. A position is reached when every checkpoint is at or past it, or when
 * the store holds no event the runner would read between the lowest checkpoint and it: the
 * filter never shows the runner events no projection handles (a mutation's event may be one
 * of those), so checkpoints alone could stay below such a position for ever.
 * Positions are only handed out once their event is stored, so nothing can still appear below.
 */
export async function reachedPosition(
  store: Pick<EventStore, 'headPosition' | 'readAll'>,
  eventTypes: readonly string[],
  lowestCheckpoint: bigint | null,
  position: bigint,
): Promise<boolean> {
  if (lowestCheckpoint !== null && lowestCheckpoint >= position) return true;
  return isReached(await probeStore(store, eventTypes, lowestCheckpoint), position);
}

/** What the store says past the lowest checkpoint: enough to answer for any position. */
export interface StoreProbe {
  readonly head: bigint | null;
  /** The first event past the lowest checkpoint that some projection reads (null: none yet). */
  readonly next: bigint | null;
}

export async function probeStore(
  store: Pick<EventStore, 'headPosition' | 'readAll'>,
  eventTypes: readonly string[],
  lowestCheckpoint: bigint | null,
): Promise<StoreProbe> {
  const head = await store.headPosition();
  if (head === null || eventTypes.length === 0) return { head, next: null };
  const [next] = await store.readAll({ from: lowestCheckpoint ?? 'start', max: 1, filter: { eventTypes } });
  return { head, next: next?.position ?? null };
}

/** A position the store has not handed out yet cannot have been projected. */
export function isReached(probe: StoreProbe, position: bigint): boolean {
  if (probe.head === null || probe.head < position) return false;
  return probe.next === null || probe.next > position;
}
