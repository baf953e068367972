import {
  jsonEvent,
  type EventData,
  type EventType,
  type JSONType,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, EventToAppend, RecordedEvent } from '@sooc/event-sourcing';

/**
 * Our envelope travels as the event's JSON metadata. `$correlationId` / `$causationId` are
 * EventStoreDB's own names, so its `$by_correlation_id` projection works on our events too.
 */
export function toEventData(event: EventToAppend): EventData {
  const { occurredAt, actor, correlationId, causationId, schemaVersion, traceparent } = event.metadata;
  const metadata = {
    occurredAt,
    actor,
    correlationId,
    causationId,
    schemaVersion,
    ...(traceparent === undefined ? {} : { traceparent }),
    $correlationId: correlationId,
    ...(causationId === null ? {} : { $causationId: causationId }),
  };
  // Any JSON value is fine on the wire (the client stringifies it); the client's type is narrower.
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
}

/** Streams and types starting with `$` are the server's own (stats, metadata, projections). */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecorded(event: EsdbRecordedEvent<EventType>): RecordedEvent {
  if (!event.position) throw new Error(`EventStoreDB sent event ${event.id} of ${event.streamId} without a position`);
  const stored = (event.metadata ?? {}) as Partial<EventMetadata>;
  const metadata: EventMetadata = {
    occurredAt: stored.occurredAt as string,
    actor: stored.actor as EventMetadata['actor'],
    correlationId: stored.correlationId as string,
    causationId: stored.causationId ?? null,
    schemaVersion: stored.schemaVersion as number,
    ...(typeof stored.traceparent === 'string' ? { traceparent: stored.traceparent } : {}),
  };
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position.commit,
    recordedAt: event.created.toISOString(),
  };
}
