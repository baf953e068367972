import type { CohortEvent } from '@sooc/cohorts-domain/published';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { DueClosingRow } from './cohort-extras.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

export type DueClosingEvent = Extract<
  CohortEvent,
  { type: 'ApplicationsOpened' | 'ApplicationsClosed' | 'CohortCancelled' }
>;

export const DUE_CLOSING_PROJECTION_EVENTS = [
  'ApplicationsOpened',
  'ApplicationsClosed',
  'CohortCancelled',
] as const satisfies readonly DueClosingEvent['type'][];

/**
 * One row per cohort taking applications, with the instant its window ends; closing or
 * cancelling deletes it. An ApplicationsOpened written before issue 10 carries no window and
 * adds no row (those cohorts close by hand, as they always did). A row brought back by a
 * redelivery after its delete is harmless: the close the reactor sends for it is `[]`.
 */
export function applyDueClosingEvent(
  row: DueClosingRow | null,
  event: RecordedEvent<DueClosingEvent>,
): DueClosingRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  if (event.type !== 'ApplicationsOpened') return null;
  const window = event.data.applicationWindow;
  if (!window) return row;
  return { cohort_id: event.data.cohortId, closes_at: window.closesAt, last_position: positionKey(event.position) };
}

/**
 * Like `reactor.due-offers`, not among `cohortsProjections`: the reactor runs it next to its timer.
 * Named `reactor.due-closings` while it lived in the enrollment library; renamed with its move,
 * so that its recreated table is rebuilt from the start of the store.
 */
export const dueClosingsProjection: Projection<DueClosingRow, DueClosingEvent> = {
  name: 'reactor.cohort-due-closings',
  table: 'due_closings',
  keyColumn: 'cohort_id',
  handles: DUE_CLOSING_PROJECTION_EVENTS,
  keyOf: (event) => event.data.cohortId,
  apply: applyDueClosingEvent,
};
