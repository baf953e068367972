import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';

/** An event as the store gives it back, at a position, one second after the previous one. */
export function recorded(
  position: number,
  type: string,
  data: Record<string, unknown>,
  extra: {
    actor?: { id: string; role: 'admin' | 'learner' | 'system' };
    correlationId?: string;
    occurredAt?: string;
  } = {},
): RecordedEvent<DomainEvent> {
  return {
    id: `e-${position}`,
    type,
    data,
    streamId: `stream-${position}`,
    revision: 0n,
    position: BigInt(position),
    recordedAt: '2030-01-01T00:00:00.000Z',
    metadata: {
      occurredAt: extra.occurredAt ?? `2030-01-01T00:00:${String(position).padStart(2, '0')}.000Z`,
      actor: extra.actor ?? { id: 'admin-1', role: 'admin' },
      correlationId: extra.correlationId ?? `corr-${position}`,
      causationId: null,
      schemaVersion: 1,
    },
  } as RecordedEvent<DomainEvent>;
}
