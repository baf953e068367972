import type { EventStore } from '@sooc/event-sourcing';
import { sql } from 'kysely';
import type { ReadDb } from '@sooc/read-store';
import { describeError } from '../process.lifecycle';
import { pendingLag } from './pending.lag';
import type { WorkerRole } from './singleton.worker';
import type { WorkerHealth } from './worker.http';

export interface ActiveWorkHealth {
  /** Running without failure. */
  readonly running: boolean;
  /** Lowest checkpoint of the work (null: nothing committed yet), for the lag. */
  readonly checkpoint: bigint | null;
  readonly failure?: string | null;
}

export interface WorkerHealthSources {
  readonly role: () => WorkerRole;
  readonly readDb: ReadDb;
  readonly eventStore: Pick<EventStore, 'headPosition' | 'readAll'>;
  /** The event types the work reads: the lag is 0 when none is past its checkpoint (see pendingLag). */
  readonly eventTypes?: readonly string[];
  /** Asked only while active. */
  readonly active: () => Promise<ActiveWorkHealth>;
}

/**
 * A worker's readiness: both stores answer, and, when active, its work runs without failure. A
 * standby is ready (a healthy spare). `lag` = store head − lowest checkpoint, 0 once no event the
 * work reads is past it, as a string (positions are 64-bit), only when active.
 */
export async function workerHealth(sources: WorkerHealthSources): Promise<WorkerHealth> {
  const role = sources.role();
  const [readDb, head] = await Promise.all([
    sql`select 1 as one`.execute(sources.readDb).then(
      () => 'up',
      (error: unknown) => `down: ${describeError(error).split('\n')[0]}`,
    ),
    sources.eventStore.headPosition().then(
      (position) => ({ ok: true as const, position }),
      (error: unknown) => ({ ok: false as const, error: `down: ${describeError(error).split('\n')[0]}` }),
    ),
  ]);
  const eventStore = head.ok ? 'up' : head.error;
  const storesUp = readDb === 'up' && head.ok;
  const base = { role, readDb, eventStore, head: head.ok ? (head.position?.toString() ?? null) : null };
  if (role === 'standby') return { ready: storesUp, ...base };
  if (role !== 'active') return { ready: false, ...base };
  const work = await sources.active();
  const lag = head.ok
    ? (await pendingLag(sources.eventStore, sources.eventTypes, work.checkpoint, head.position)).toString()
    : null;
  return {
    ready: storesUp && work.running && !work.failure,
    ...base,
    checkpoint: work.checkpoint?.toString() ?? null,
    lag,
    ...(work.failure ? { failure: work.failure } : {}),
  };
}
