import { SPEC_ACTOR, SPEC_NOW } from './decider.specification';
import type { DomainEvent, RecordedEvent } from './event.types';

let next = 0n;

/** For specs of process managers and projections: a domain event as the store hands it out, with a fresh id and position. */
export function recorded<E extends DomainEvent>(event: E, streamId = 'any-1'): RecordedEvent<E> {
  next += 1n;
  return {
    ...event,
    id: `00000000-0000-4000-8000-${next.toString().padStart(12, '0')}`,
    metadata: {
      occurredAt: SPEC_NOW.toISOString(),
      actor: SPEC_ACTOR,
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    },
    streamId,
    revision: 0n,
    position: next,
    recordedAt: SPEC_NOW.toISOString(),
  } as RecordedEvent<E>;
}
