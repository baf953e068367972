import { COHORT_EVENT_TYPES } from '@sooc/cohorts-domain/published';
import { ENROLLMENT_EVENT_TYPES } from '@sooc/enrollment-domain/published';
import type { DomainEvent, Projection, RecordedEvent } from '@sooc/event-sourcing';
import { isFeedEvent, toCloudEvent } from '@sooc/partners-domain';
import { positionKey } from '@sooc/util';
import type { PartnerFeedRow } from './partners.read-model';

/**
 * Every event partners may receive, as its CloudEvent, once. Scoping to a partner happens when
 * it is read (partner-feed.query.ts): the company and the consent come from the application.
 */
export function applyFeedEvent(row: PartnerFeedRow | null, event: RecordedEvent): PartnerFeedRow | null {
  if (row) return row;
  const cloud = toCloudEvent(event);
  if (!cloud) return null;
  const enrollmentId = cloud.data['enrollmentId'];
  const cohortId = cloud.data['cohortId'];
  return {
    position: positionKey(event.position),
    event_id: cloud.id,
    type: cloud.type,
    cohort_id: typeof cohortId === 'string' ? cohortId : null,
    enrollment_id: typeof enrollmentId === 'string' ? enrollmentId : null,
    time: cloud.time,
    event: JSON.stringify(cloud),
    traceparent: event.metadata.traceparent ?? null,
  };
}

export const partnerFeedProjection: Projection<PartnerFeedRow, DomainEvent> = {
  name: 'partners.feed',
  table: 'partner_feed',
  keyColumn: 'position',
  handles: [...ENROLLMENT_EVENT_TYPES, ...COHORT_EVENT_TYPES],
  keyOf: (event) => (isFeedEvent(event) ? positionKey(event.position) : null),
  apply: applyFeedEvent,
  appendOnly: true,
};
