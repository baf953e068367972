import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';
import type { RubricDefined } from '@sooc/selection-domain/published';
import type { Kysely } from 'kysely';
import type { SelectionRubricRow } from '../lib/rubric.read-model';
import type { SelectionDatabase } from '../lib/selection.read-model';
import { selectionRubricProjection } from '../lib/selection-rubric.projection';

/** Folds the scenario's rubrics per cohort, as the runner would, and writes the rows. */
export async function projectScenario(
  db: Kysely<SelectionDatabase>,
  events: readonly RecordedEvent<DomainEvent>[],
): Promise<void> {
  const rows = new Map<string, SelectionRubricRow | null>();
  for (const event of events) {
    if (event.type !== 'RubricDefined') continue;
    const rubric = event as RecordedEvent<RubricDefined>;
    const key = selectionRubricProjection.keyOf(rubric) as string;
    rows.set(key, selectionRubricProjection.apply(rows.get(key) ?? null, rubric));
  }
  for (const row of rows.values()) if (row) await db.insertInto('selection_rubrics').values(row).execute();
}
