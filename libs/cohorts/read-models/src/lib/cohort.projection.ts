import type { CohortEvent } from '@sooc/cohorts-domain';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { CohortRow, CohortStatus } from './cohort.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

export const COHORT_PROJECTION_EVENTS = [
  'CohortPlanned',
  'ApplicationsOpened',
  'ApplicationsClosed',
  'CohortStarted',
  'CohortCompleted',
  'CohortCancelled',
  'CapacityChanged',
] as const satisfies readonly CohortEvent['type'][];

/** The only moves a row makes, as in the decider's evolve: a stray event cannot move it back. */
const NEXT: Partial<Record<CohortEvent['type'], { from: readonly CohortStatus[]; to: CohortStatus }>> = {
  ApplicationsOpened: { from: ['planned'], to: 'open' },
  ApplicationsClosed: { from: ['open'], to: 'closed' },
  CohortStarted: { from: ['closed'], to: 'running' },
  CohortCompleted: { from: ['running'], to: 'completed' },
  CohortCancelled: { from: ['planned', 'open', 'closed', 'running'], to: 'cancelled' },
};

export function applyCohortEvent(row: CohortRow | null, event: RecordedEvent<CohortEvent>): CohortRow | null {
  // At-least-once delivery: an event at or before the row's last position is already in it.
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const at = event.metadata.occurredAt;
  const position = positionKey(event.position);

  if (event.type === 'CohortPlanned') {
    if (row) return row;
    const d = event.data;
    return {
      cohort_id: d.cohortId,
      course_id: d.courseId,
      title: d.title,
      status: 'planned',
      capacity: d.capacity,
      opens_at: d.applicationWindow.opensAt,
      closes_at: d.applicationWindow.closesAt,
      starts_on: d.startsOn,
      ends_on: d.endsOn,
      selection_policy: d.selectionPolicy,
      planned_at: at,
      updated_at: at,
      plan_position: position,
      last_position: position,
    };
  }

  if (!row) return row;
  if (event.type === 'CapacityChanged') {
    return { ...row, capacity: event.data.to, updated_at: at, last_position: position };
  }
  const move = NEXT[event.type];
  if (!move || !move.from.includes(row.status)) return row;
  // Opened early, the window opened then (the event carries the window in effect).
  const window =
    event.type === 'ApplicationsOpened' && event.data.applicationWindow
      ? { opens_at: event.data.applicationWindow.opensAt, closes_at: event.data.applicationWindow.closesAt }
      : {};
  return { ...row, ...window, status: move.to, updated_at: at, last_position: position };
}

export const cohortProjection: Projection<CohortRow, CohortEvent> = {
  name: 'cohorts.cohort-list',
  table: 'cohorts',
  keyColumn: 'cohort_id',
  handles: COHORT_PROJECTION_EVENTS,
  keyOf: (event) => event.data.cohortId,
  apply: applyCohortEvent,
};
