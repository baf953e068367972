import type { DomainEvent, EventStore, RecordedEvent } from '@sooc/event-sourcing';
import { newEventId } from '@sooc/event-sourcing';
import { cohortScenario } from './cohort-scenario.fixture';

const SELECTION_EVENTS = new Set(['RubricDefined', 'ApplicationReviewed', 'ApplicationDecided']);
const COHORT_EVENTS = new Set([
  'CohortPlanned',
  'ApplicationsOpened',
  'CompanyQuotaSet',
  'SeatReserved',
  'SeatConfirmed',
  'SeatReleased',
  'ApplicantWaitlisted',
  'GroupsFormed',
]);

/** The stream each event of the scenario lives in, as the command handlers would write it. */
function streamOf(event: RecordedEvent<DomainEvent>): string {
  const data = event.data as { cohortId: string; enrollmentId?: string };
  if (SELECTION_EVENTS.has(event.type)) return `selection-${data.cohortId}`;
  if (COHORT_EVENTS.has(event.type)) return `cohort-${data.cohortId}`;
  return `enrollment-${data.enrollmentId}`;
}

/** Appends cohortScenario() to `store`, each event in the stream its context writes it to; returns the head. */
export async function appendCohortScenario(store: EventStore): Promise<bigint> {
  let head = 0n;
  for (const event of cohortScenario()) {
    const result = await store.append(
      streamOf(event),
      [{ id: newEventId(), type: event.type, data: event.data, metadata: event.metadata }],
      { expectedRevision: 'any' },
    );
    head = result.position;
  }
  return head;
}
