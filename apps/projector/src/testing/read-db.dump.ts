import type { AnyProjection, ReadDb } from '@sooc/read-store';
import type { ReadModelDump } from './read-db.inspect';

/** dumpReadModels through a Kysely connection, for either dialect (compare a dump with one of the same dialect). */
export async function dumpReadDb(db: ReadDb, projections: readonly AnyProjection[]): Promise<ReadModelDump> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const p of projections)
    tables[p.table] = (await db.selectFrom(p.table).selectAll().orderBy(String(p.keyColumn)).execute()) as Record<
      string,
      unknown
    >[];
  const checkpoints = (await db
    .selectFrom('projection_checkpoints')
    .select(['projection', 'position'])
    .orderBy('projection')
    .execute()) as { projection: string; position: string }[];
  return { tables, checkpoints };
}

/** Lowest committed checkpoint of the given projections, null until each has one. */
export async function lowestCheckpointOf(db: ReadDb, projections: readonly AnyProjection[]): Promise<bigint | null> {
  const rows = (await db.selectFrom('projection_checkpoints').select(['projection', 'position']).execute()) as {
    projection: string;
    position: string;
  }[];
  if (rows.length < projections.length) return null;
  return rows.map((r) => BigInt(r.position)).reduce((a, b) => (b < a ? b : a));
}
