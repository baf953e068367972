import type { ProjectionRow } from '@sooc/event-sourcing';

/**
 * One row shape on both dialects, whichever path a row took to reach `apply`:
 * - booleans become 1/0 (SQLite has no boolean; PostgreSQL accepts 1/0 for both integer and
 *   boolean columns). Projections should declare flag columns as integer and test truthiness.
 * - bigint columns arrive as numbers (see read-database.ts); text stays text.
 * - a Date (a PostgreSQL timestamp column) becomes its ISO string; prefer text columns.
 * The runner normalises what `apply` returns before it feeds the row to the next event, so a
 * fold never depends on where a batch boundary fell: rebuild and incremental runs agree.
 * Rows come out frozen: change detection compares the row before and after `apply`, so a fold
 * that edited its input in place would silently write nothing; frozen, it fails loudly.
 */
export function normaliseRow<Row extends ProjectionRow>(row: Row | null): Row | null {
  if (row === null) return null;
  let copy: Record<string, unknown> | null = null;
  for (const column in row) {
    const value: unknown = row[column];
    if (typeof value === 'boolean' || value instanceof Date) {
      copy ??= { ...row };
      copy[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value.toISOString();
    }
  }
  return Object.freeze((copy as Row | null) ?? row);
}

export function sameRow(a: ProjectionRow | null, b: ProjectionRow | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const columns = Object.keys(a);
  if (columns.length !== Object.keys(b).length) return false;
  return columns.every((c) => a[c] === b[c]);
}
