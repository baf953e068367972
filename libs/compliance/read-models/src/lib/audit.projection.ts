import { COHORT_EVENT_TYPES } from '@sooc/cohorts-domain/published';
import { COMPLIANCE_EVENT_TYPES } from '@sooc/compliance-domain/published';
import { ENROLLMENT_EVENT_TYPES } from '@sooc/enrollment-domain/published';
import { PARTNER_EVENT_TYPES } from '@sooc/partners-domain/published';
import type { DomainEvent, Projection, RecordedEvent } from '@sooc/event-sourcing';
import { SELECTION_EVENT_TYPES } from '@sooc/selection-domain/published';
import { positionKey } from '@sooc/util';
import type { AuditEntryRow } from './audit-entry.read-model';
import { reasonOf, summaryOf } from './audit.summary';

/** Every event of every context: the trail leaves nothing out. */
export const AUDITED_EVENT_TYPES: readonly string[] = [
  ...COHORT_EVENT_TYPES,
  ...ENROLLMENT_EVENT_TYPES,
  ...SELECTION_EVENT_TYPES,
  ...COMPLIANCE_EVENT_TYPES,
  ...PARTNER_EVENT_TYPES,
];

function text(data: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = data[field];
  return typeof value === 'string' ? value : null;
}

/** One row per event, written once: a replay finds the row of its position and leaves it. */
export function applyAuditEvent(row: AuditEntryRow | null, event: RecordedEvent<DomainEvent>): AuditEntryRow {
  if (row) return row;
  // A webhook endpoint's signing secret is the partner's, not evidence: the trail names the change, not the secret.
  const { secret: _secret, ...data } = (event.data ?? {}) as Readonly<Record<string, unknown>>;
  const { metadata } = event;
  return {
    position: positionKey(event.position),
    event_id: event.id,
    occurred_at: metadata.occurredAt,
    type: event.type,
    stream_id: event.streamId,
    actor_id: metadata.actor.id,
    actor_role: metadata.actor.role,
    correlation_id: metadata.correlationId,
    causation_id: metadata.causationId,
    cohort_id: text(data, 'cohortId'),
    learner_id: text(data, 'learnerId'),
    enrollment_id: text(data, 'enrollmentId'),
    summary: summaryOf(event.type, data),
    reason: reasonOf(data),
    data: JSON.stringify(data),
  };
}

export const auditProjection: Projection<AuditEntryRow, DomainEvent> = {
  name: 'compliance.audit',
  table: 'audit_entries',
  keyColumn: 'position',
  handles: AUDITED_EVENT_TYPES,
  keyOf: (event) => positionKey(event.position),
  apply: applyAuditEvent,
  appendOnly: true,
};
