import type { EventStore } from '@sooc/event-sourcing';
import { probeStore } from '@sooc/read-store';

/**
 * Positions between the lowest checkpoint and the head, or 0 when none of them is an event the
 * worker reads. A checkpoint only moves past events the worker is given (its subscription is
 * filtered), so at rest a raw `head − checkpoint` stays above 0 for ever — behind it are other
 * workers' events, the reactor's own commands — and an alert on it would never clear.
 * Positions may skip numbers (EventStoreDB's do): a lag in positions, not in events.
 */
export async function pendingLag(
  store: Pick<EventStore, 'headPosition' | 'readAll'>,
  eventTypes: readonly string[] | undefined,
  lowestCheckpoint: bigint | null,
  head: bigint | null,
): Promise<bigint> {
  const raw = (head ?? 0n) - (lowestCheckpoint ?? 0n);
  if (raw <= 0n || eventTypes === undefined) return raw > 0n ? raw : 0n;
  const probe = await probeStore(store, eventTypes, lowestCheckpoint);
  return probe.next === null ? 0n : raw;
}
