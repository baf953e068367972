import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';

/** Wraps a decider's event the way the store returns it; only position and time matter here. */
export function recorded<E extends DomainEvent>(
  event: E,
  position: number,
  occurredAt = '2026-03-03T09:00:00.000Z',
): RecordedEvent<E> {
  const data = event.data as { enrollmentId?: string; cohortId?: string };
  return {
    ...event,
    id: `event-${position}`,
    metadata: {
      occurredAt,
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    },
    streamId: data.enrollmentId ? `enrollment-${data.enrollmentId}` : `cohort-${data.cohortId ?? 'x'}`,
    revision: 0n,
    position: BigInt(position),
    recordedAt: occurredAt,
  } as RecordedEvent<E>;
}

/** Numbers events from `start` in steps of one, each a minute after the previous. */
export function sequence<E extends DomainEvent>(
  events: readonly E[],
  start = 1,
  from = '2026-03-10T08:00:00.000Z',
): RecordedEvent<E>[] {
  const t0 = Date.parse(from);
  return events.map((e, i) => recorded(e, start + i, new Date(t0 + i * 60_000).toISOString()));
}
