import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { RubricDefined } from '@sooc/selection-domain/published';
import type { SelectionRubricRow } from './rubric.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

/** Each definition is a new version; the latest RubricDefined is the cohort's rubric. */
export function applyRubricEvent(
  row: SelectionRubricRow | null,
  event: RecordedEvent<RubricDefined>,
): SelectionRubricRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const d = event.data;
  return {
    cohort_id: d.cohortId,
    version: d.version,
    criteria: JSON.stringify(d.criteria),
    blind: d.blind ? 1 : 0,
    reviews_required: d.reviewsRequired,
    defined_at: event.metadata.occurredAt,
    last_position: positionKey(event.position),
  };
}

export const selectionRubricProjection: Projection<SelectionRubricRow, RubricDefined> = {
  name: 'selection.rubric',
  table: 'selection_rubrics',
  keyColumn: 'cohort_id',
  handles: ['RubricDefined'],
  keyOf: (event) => event.data.cohortId,
  apply: applyRubricEvent,
};
