import type { Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import { ProjectionFailure } from './projection.failure';
import type { ReadDb } from './read-database';
import { normaliseRow, sameRow } from './row.normalise';
import type { RowCache } from './row.cache';
import { MAX_KEYS, upsertSizes, type RowStatements } from './row.statements';

/** Projections of any row and event types: the runner only moves their values around. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, any>;

export interface BatchResult {
  /** Keys whose rows changed. */
  readonly changed: readonly string[];
  /** Every row the batch touched, as it will be once committed (for the row cache). */
  readonly rows: ReadonlyMap<string, ProjectionRow | null>;
}

/**
 * Folds `events` (already filtered to this projection and past its checkpoint) into its rows
 * inside the caller's transaction: SELECT … IN for touched rows the cache lacks, multi-row
 * upserts for rows that changed, DELETE … IN for rows that became null.
 */
export async function applyProjectionBatch(
  trx: ReadDb,
  statements: RowStatements,
  cache: RowCache,
  projection: AnyProjection,
  events: readonly RecordedEvent[],
): Promise<BatchResult> {
  const keyed: [string, RecordedEvent][] = [];
  for (const event of events) {
    let key: string | null;
    try {
      key = projection.keyOf(event);
    } catch (error) {
      throw new ProjectionFailure(projection.name, event, error);
    }
    if (key !== null) keyed.push([key, event]);
  }
  if (keyed.length === 0) return { changed: [], rows: new Map() };
  if (projection.appendOnly) return appendRows(trx, statements, projection, keyed);
  const before = new Map<string, ProjectionRow | null>();
  const missing: string[] = [];
  for (const [key] of keyed) {
    if (before.has(key)) continue;
    const cached = cache.get(key);
    before.set(key, cached ?? null);
    if (cached === undefined) missing.push(key);
  }
  if (missing.length > 0)
    for (const [key, row] of await loadRows(trx, statements, projection, missing)) before.set(key, row);
  const after = new Map(before);
  for (const [key, event] of keyed) {
    let next: ProjectionRow | null;
    try {
      next = normaliseRow(projection.apply(after.get(key) ?? null, event));
    } catch (error) {
      throw new ProjectionFailure(projection.name, event, error);
    }
    after.set(key, next);
  }
  const upserts: ProjectionRow[] = [];
  const deletes: string[] = [];
  const changed: string[] = [];
  for (const [key, row] of after) {
    const old = before.get(key) ?? null;
    if (sameRow(old, row)) continue;
    changed.push(key);
    if (row === null) deletes.push(key);
    else upserts.push(row);
  }
  await upsertRows(trx, statements, projection, upserts);
  for (const chunk of chunks(deletes, MAX_KEYS))
    await trx.executeQuery(statements.delete(projection.table, projection.keyColumn, chunk));
  return { changed, rows: after };
}

/** An append-only projection's batch: one new row per event, nothing read back, nothing cached. */
async function appendRows(
  trx: ReadDb,
  statements: RowStatements,
  projection: AnyProjection,
  keyed: readonly [string, RecordedEvent][],
): Promise<BatchResult> {
  const rows: ProjectionRow[] = [];
  // Named apart: eslint takes `projection.apply(…)` for Function.prototype.apply.
  const fold = projection.apply;
  for (const [, event] of keyed) {
    let row: ProjectionRow | null;
    try {
      row = normaliseRow(fold(null, event));
    } catch (error) {
      throw new ProjectionFailure(projection.name, event, error);
    }
    if (row !== null) rows.push(row);
  }
  await upsertRows(trx, statements, projection, rows);
  return { changed: keyed.map(([key]) => key), rows: new Map() };
}

async function loadRows(
  trx: ReadDb,
  statements: RowStatements,
  projection: AnyProjection,
  keys: string[],
): Promise<Map<string, ProjectionRow | null>> {
  const rows = new Map<string, ProjectionRow | null>();
  for (const chunk of chunks(keys, MAX_KEYS)) {
    const { rows: found } = await trx.executeQuery(statements.select(projection.table, projection.keyColumn, chunk));
    for (const row of found) rows.set(String(row[projection.keyColumn]), normaliseRow(row));
  }
  return rows;
}

export async function upsertRows(
  trx: ReadDb,
  statements: RowStatements,
  projection: AnyProjection,
  rows: readonly ProjectionRow[],
): Promise<void> {
  // A multi-row VALUES needs one column list; projections normally return one shape, but group
  // by shape rather than rely on DEFAULT, which SQLite does not accept inside VALUES.
  const byShape = new Map<string, ProjectionRow[]>();
  for (const row of rows) {
    const shape = Object.keys(row).join('\u0000');
    const group = byShape.get(shape);
    if (group) group.push(row);
    else byShape.set(shape, [row]);
  }
  for (const group of byShape.values()) {
    const columns = Object.keys(group[0]);
    if (!columns.includes(projection.keyColumn)) {
      throw new ProjectionFailure(
        projection.name,
        null,
        new Error(`a row has no key column "${projection.keyColumn}"`),
      );
    }
    let offset = 0;
    for (const size of upsertSizes(group.length)) {
      await trx.executeQuery(
        statements.upsert(projection.table, projection.keyColumn, columns, group.slice(offset, offset + size)),
      );
      offset += size;
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
