import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';

let next = 0n;

/** A domain event as the store would hand it to the reactor, with a fresh id and position. */
export function recorded<E extends DomainEvent>(event: E, streamId = 'any-1'): RecordedEvent<E> {
  next += 1n;
  return {
    ...event,
    id: `00000000-0000-4000-8000-${next.toString().padStart(12, '0')}`,
    metadata: {
      occurredAt: '2026-03-03T09:00:00.000Z',
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    },
    streamId,
    revision: 0n,
    position: next,
    recordedAt: '2026-03-03T09:00:00.000Z',
  } as RecordedEvent<E>;
}
