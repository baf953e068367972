import type { EventStore, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import { sql } from 'kysely';
import { saveCheckpoints } from './checkpoint.store';
import { upsertRows, type AnyProjection } from './projection.batch';
import { ProjectionFailure } from './projection.failure';
import type { ReadDb } from './read-database';
import { normaliseRow } from './row.normalise';
import { RowStatements } from './row.statements';

export interface BulkRebuildOptions {
  readonly store: EventStore;
  readonly db: ReadDb;
  readonly dialect: 'sqlite' | 'postgres';
  readonly projections: readonly AnyProjection[];
  /** The projector lease's fence: nothing commits once another instance holds it. */
  readonly fence?: (trx: ReadDb) => Promise<void>;
  /** Every few hundred events folded. */
  readonly onEvents?: (events: readonly RecordedEvent[]) => void;
}

export interface BulkRebuildResult {
  readonly head: bigint | null;
  readonly rows: number;
}

interface Index {
  readonly name: string;
  readonly create: string;
}

/**
 * A full rebuild, for an operator who stopped the projector: every event up to the head is folded
 * in memory (each row's last state, not every intermediate one), then each table is emptied and
 * loaded in one transaction with its secondary indexes dropped and made again after the load
 * (a sorted build instead of an index update per row), and the checkpoints set to the head.
 * One transaction: a crash or an error leaves the read models as they were, indexes included.
 * Memory grows with the rows of the read models (an append-only trail: one per event).
 */
export async function rebuildInOneTransaction(options: BulkRebuildOptions): Promise<BulkRebuildResult> {
  const head = await options.store.headPosition();
  const folded = head === null ? new Map() : await foldAll(options, head);
  const statements = new RowStatements(options.db);
  let written = 0;
  await options.db.transaction().execute(async (trx) => {
    await options.fence?.(trx);
    for (const projection of options.projections) {
      const indexes = await secondaryIndexes(trx, options.dialect, projection.table);
      for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
      await sql`DELETE FROM ${sql.table(projection.table)}`.execute(trx);
      const rows = [...(folded.get(projection.name)?.values() ?? [])].filter((r): r is ProjectionRow => r !== null);
      await upsertRows(trx, statements, projection, rows);
      written += rows.length;
      for (const index of indexes) await sql.raw(index.create).execute(trx);
    }
    if (head !== null)
      await saveCheckpoints(
        trx,
        options.projections.map((p) => p.name),
        head,
      );
    else await sql`DELETE FROM projection_checkpoints`.execute(trx);
  });
  return { head, rows: written };
}

/** Each projection's rows as the whole history leaves them, by key. */
async function foldAll(
  options: BulkRebuildOptions,
  head: bigint,
): Promise<Map<string, Map<string, ProjectionRow | null>>> {
  const rows = new Map(options.projections.map((p) => [p.name, new Map<string, ProjectionRow | null>()]));
  const byType = new Map<string, AnyProjection[]>();
  for (const p of options.projections) for (const type of p.handles) byType.set(type, [...(byType.get(type) ?? []), p]);
  const subscription = options.store.subscribeAll({ from: 'start', filter: { eventTypes: [...byType.keys()] } });
  let pending: RecordedEvent[] = [];
  try {
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      const { event } = message;
      if (event.position > head) break;
      for (const projection of byType.get(event.type) ?? []) {
        const table = rows.get(projection.name) as Map<string, ProjectionRow | null>;
        // Named apart: eslint takes `projection.apply(…)` for Function.prototype.apply.
        const { keyOf, apply: fold } = projection;
        try {
          const key = keyOf(event);
          if (key !== null) table.set(key, normaliseRow(fold(table.get(key) ?? null, event)));
        } catch (error) {
          throw new ProjectionFailure(projection.name, event, error);
        }
      }
      pending.push(event);
      if (pending.length >= 500) {
        options.onEvents?.(pending);
        pending = [];
      }
      if (event.position === head) break;
    }
  } finally {
    await subscription.close();
  }
  if (pending.length > 0) options.onEvents?.(pending);
  return rows;
}

/** The indexes of a table besides its primary key, with the statement that makes each again. */
async function secondaryIndexes(db: ReadDb, dialect: 'sqlite' | 'postgres', table: string): Promise<Index[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`
      SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(db);
    return rows.map((r) => ({ name: r.name, create: r.sql }));
  }
  const { rows } = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ${table}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  return rows.map((r) => ({ name: r.name, create: r.def }));
}
