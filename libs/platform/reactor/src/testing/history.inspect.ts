import { cohortDecider, cohortStream, ledgerEntries, type CohortEvent, type CohortState } from '@sooc/cohorts-domain';
import type { EventStore, RecordedEvent } from '@sooc/event-sourcing';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

type Data = {
  readonly learnerId: string;
  readonly enrollmentId: string;
  readonly promoted?: boolean;
  readonly reason?: string;
};

export const learnerOf = (event: RecordedEvent) => (event.data as Data).learnerId;

export async function eventsOfType(store: EventStore, type: string): Promise<RecordedEvent[]> {
  return store.readAll({ filter: { eventTypes: [type] } });
}

/** How many events of each type each learner has, e.g. counts.get('OfferExpired')?.get('l07'). */
export function countsByLearner(events: readonly RecordedEvent[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const event of events) {
    const learner = (event.data as Partial<Data>).learnerId;
    if (learner === undefined) continue;
    const perType = counts.get(event.type) ?? new Map<string, number>();
    perType.set(learner, (perType.get(learner) ?? 0) + 1);
    counts.set(event.type, perType);
  }
  return counts;
}

/** Seats held (reserved + confirmed) after each event of the cohort stream, folded one by one. */
export async function seatsTakenAfterEachEvent(store: EventStore, cohortId: string): Promise<number[]> {
  let state: CohortState = cohortDecider.initialState();
  const taken: number[] = [];
  for (const event of await store.readStream(cohortStream(cohortId))) {
    state = cohortDecider.evolve(state, event as unknown as CohortEvent);
    if (state.status === 'none') continue;
    taken.push(ledgerEntries(state.ledger).filter((e) => e.status === 'reserved' || e.status === 'confirmed').length);
  }
  return taken;
}

/** A checkpoint as another process committed it (null while the reactor has not saved one yet). */
export function savedCheckpoint(readDbFile: string, name: string): bigint | null {
  if (!existsSync(readDbFile)) return null;
  const db = new Database(readDbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').get(name) as
      { position: string } | undefined;
    return row ? BigInt(row.position) : null;
  } catch (error) {
    if (/no such table|SQLITE_BUSY|database is locked/i.test(String(error))) return null;
    throw error;
  } finally {
    db.close();
  }
}
