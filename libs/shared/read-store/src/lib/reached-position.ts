import type { EventStore } from '@sooc/event-sourcing';

/**
 * Read-your-writes test. A position is reached when every checkpoint is at or past it, or when
 * the store holds no event the runner would read between the lowest checkpoint and it: the
 * filter never shows the runner events no projection handles (a mutation's event may be one
 * of those), so checkpoints alone could stay below such a position for ever.
 * Positions are only handed out once their event is stored, so nothing can still appear below.
 */
export async function reachedPosition(
  store: EventStore,
  eventTypes: readonly string[],
  lowestCheckpoint: bigint | null,
  position: bigint,
): Promise<boolean> {
  if (lowestCheckpoint !== null && lowestCheckpoint >= position) return true;
  // A position the store has not handed out yet cannot have been projected.
  const head = await store.headPosition();
  if (head === null || head < position) return false;
  if (eventTypes.length === 0) return true;
  const [next] = await store.readAll({ from: lowestCheckpoint ?? 'start', max: 1, filter: { eventTypes } });
  return next === undefined || next.position > position;
}
