import type { CohortEvent } from '@sooc/cohorts-domain/published';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { CohortGroupsRow } from './cohort-extras.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

type GroupsFormed = Extract<CohortEvent, { type: 'GroupsFormed' }>;

/** Each formation replaces the previous one: the latest GroupsFormed is the cohort's groups. */
export function applyGroupsEvent(
  row: CohortGroupsRow | null,
  event: RecordedEvent<GroupsFormed>,
): CohortGroupsRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const d = event.data;
  return {
    cohort_id: d.cohortId,
    formation: d.formation,
    target_size: d.targetSize,
    seed: d.seed,
    groups: JSON.stringify(d.groups),
    formed_at: event.metadata.occurredAt,
    last_position: positionKey(event.position),
  };
}

export const cohortGroupsProjection: Projection<CohortGroupsRow, GroupsFormed> = {
  name: 'cohorts.groups',
  table: 'cohort_groups',
  keyColumn: 'cohort_id',
  handles: ['GroupsFormed'],
  keyOf: (event) => event.data.cohortId,
  apply: applyGroupsEvent,
};
