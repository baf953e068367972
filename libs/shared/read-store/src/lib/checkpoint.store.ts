import type { ReadDb } from './read-database';

const TABLE = 'projection_checkpoints';

/** Projections without a row start from the beginning of the store. */
export async function loadCheckpoints(db: ReadDb, names: readonly string[]): Promise<Map<string, bigint>> {
  const checkpoints = new Map<string, bigint>();
  if (names.length === 0) return checkpoints;
  const rows = await db.selectFrom(TABLE).select(['projection', 'position']).where('projection', 'in', names).execute();
  for (const row of rows as { projection: string; position: string }[]) checkpoints.set(row.projection, BigInt(row.position));
  return checkpoints;
}

export async function saveCheckpoints(db: ReadDb, names: readonly string[], position: bigint): Promise<void> {
  if (names.length === 0) return;
  const updatedAt = new Date().toISOString();
  await db
    .insertInto(TABLE)
    .values(names.map((projection) => ({ projection, position: position.toString(), updated_at: updatedAt })))
    .onConflict((oc) => oc.column('projection').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

export async function deleteCheckpoints(db: ReadDb, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db.deleteFrom(TABLE).where('projection', 'in', names).execute();
}
