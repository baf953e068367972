import type { ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import type { AnyProjection } from '@sooc/read-store';

/**
 * The read models as the pure folds define them, computed in memory from the events up to
 * `position`: what the tables must hold when the checkpoint says `position`, no more, no less.
 */
export function foldUpTo(
  events: readonly RecordedEvent[],
  projections: readonly AnyProjection[],
  position: bigint,
): Record<string, ProjectionRow[]> {
  const tables: Record<string, ProjectionRow[]> = {};
  for (const projection of projections) {
    const rows = new Map<string, ProjectionRow>();
    for (const event of events) {
      if (event.position > position || !(projection.handles as readonly string[]).includes(event.type)) continue;
      const key = projection.keyOf(event);
      if (key === null) continue;
      const next = projection.apply(rows.get(key) ?? null, event);
      if (next) rows.set(key, next);
      else rows.delete(key);
    }
    // Same order as `ORDER BY key` under SQLite's binary collation (the keys are ASCII).
    tables[projection.table] = [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  return tables;
}
