import type { Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import { sql } from './kysely.esm';
import { ProjectionFailure } from './projection.failure';
import type { ReadDb } from './read-database';
import { normaliseRow, sameRow } from './row.normalise';

/** Projections of any row and event types: the runner only moves their values around. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, any>;

/** Well under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

/**
 * Folds `events` (already filtered to this projection and past its checkpoint) into its rows
 * inside the caller's transaction: one SELECT … IN for the rows the batch touches, multi-row
 * upserts for rows that changed, one DELETE … IN for rows that became null.
 * Returns the keys whose rows changed.
 */
export async function applyProjectionBatch(trx: ReadDb, projection: AnyProjection, events: readonly RecordedEvent[]): Promise<string[]> {
  const keyed: [string, RecordedEvent][] = [];
  for (const event of events) {
    const key = projection.keyOf(event);
    if (key !== null) keyed.push([key, event]);
  }
  if (keyed.length === 0) return [];
  const before = await loadRows(trx, projection, [...new Set(keyed.map(([key]) => key))]);
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
  await upsertRows(trx, projection, upserts);
  for (const chunk of chunks(deletes, MAX_PARAMETERS)) {
    await trx.deleteFrom(projection.table).where(projection.keyColumn, 'in', chunk).execute();
  }
  return changed;
}

async function loadRows(trx: ReadDb, projection: AnyProjection, keys: string[]): Promise<Map<string, ProjectionRow | null>> {
  const rows = new Map<string, ProjectionRow | null>();
  for (const chunk of chunks(keys, MAX_PARAMETERS)) {
    const found = (await trx.selectFrom(projection.table).selectAll().where(projection.keyColumn, 'in', chunk).execute()) as ProjectionRow[];
    for (const row of found) rows.set(String(row[projection.keyColumn]), normaliseRow(row));
  }
  return rows;
}

async function upsertRows(trx: ReadDb, projection: AnyProjection, rows: readonly ProjectionRow[]): Promise<void> {
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
      throw new ProjectionFailure(projection.name, null, new Error(`a row has no key column "${projection.keyColumn}"`));
    }
    const others = columns.filter((c) => c !== projection.keyColumn);
    for (const chunk of chunks(group, Math.max(1, Math.floor(MAX_PARAMETERS / columns.length)))) {
      await trx
        .insertInto(projection.table)
        .values(chunk)
        .onConflict((oc) => {
          const target = oc.column(projection.keyColumn);
          return others.length === 0 ? target.doNothing() : target.doUpdateSet(Object.fromEntries(others.map((c) => [c, sql.ref(`excluded.${c}`)])));
        })
        .execute();
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
