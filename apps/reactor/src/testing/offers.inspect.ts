import { REACTED_EVENT_TYPES } from '@sooc/reactor-engine';
import type { EventStore } from '@sooc/event-sourcing';
import { REACTOR_CHECKPOINT } from '@sooc/reactor-engine';
import { savedCheckpoint } from '@sooc/reactor-engine/testing';

/** Position of the last event the reactor reacts to: where its checkpoint ends once it has handled everything. */
export async function lastReactedPosition(store: EventStore): Promise<bigint> {
  const [last] = await store.readAll({ filter: { eventTypes: REACTED_EVENT_TYPES }, direction: 'backwards', max: 1 });
  return last.position;
}

/** Offers neither accepted nor expired, with their expiry: what a move of the clock will expire. */
export async function openOffers(store: EventStore): Promise<{ learnerId: string; expiresAt: string }[]> {
  const events = await store.readAll({ filter: { eventTypes: ['SeatOffered', 'OfferAccepted', 'OfferExpired'] } });
  const open = new Map<string, string>();
  for (const event of events) {
    const { learnerId, expiresAt } = event.data as { learnerId: string; expiresAt?: string };
    if (event.type === 'SeatOffered') open.set(learnerId, expiresAt as string);
    else open.delete(learnerId);
  }
  return [...open.entries()].map(([learnerId, expiresAt]) => ({ learnerId, expiresAt }));
}

/**
 * Tells when nothing more will happen until the clock moves: no open offer is due by the file
 * clock, the reactor's checkpoint (as committed in the read database) is at the last event it
 * reacts to, and the store has not moved for a second (a few ticks).
 */
export class QuietWatch {
  private since: { head: bigint | null; at: number } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly readDbFile: string,
  ) {}

  async quiet(now: Date): Promise<true | null> {
    const head = await this.store.headPosition();
    const saved = savedCheckpoint(this.readDbFile, REACTOR_CHECKPOINT);
    const due = (await openOffers(this.store)).filter((o) => o.expiresAt <= now.toISOString());
    if (saved === null || saved < (await lastReactedPosition(this.store)) || due.length > 0) return (this.since = null);
    if (this.since?.head !== head) this.since = { head, at: Date.now() };
    return Date.now() - this.since.at >= 1_000 ? true : null;
  }
}
