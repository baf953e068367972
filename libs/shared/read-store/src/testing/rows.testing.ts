import type { ReadDb } from '../lib/read-database';

/** Every checkpoint as stored, by projection name. */
export async function checkpointsOf(db: ReadDb): Promise<Record<string, string>> {
  const rows = (await db
    .selectFrom('projection_checkpoints')
    .select(['projection', 'position'])
    .orderBy('projection')
    .execute()) as {
    projection: string;
    position: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.projection, r.position]));
}

/** A whole table, ordered by its key, for comparing read models. */
export async function tableOf(db: ReadDb, table: string, key: string): Promise<Record<string, unknown>[]> {
  return db.selectFrom(table).selectAll().orderBy(key).execute();
}
