import type { ReadDb } from './read-database';

const TABLE = 'projection_checkpoints';

/** Projections without a row start from the beginning of the store. */
export async function loadCheckpoints(db: ReadDb, names: readonly string[]): Promise<Map<string, bigint>> {
  const checkpoints = new Map<string, bigint>();
  if (names.length === 0) return checkpoints;
  const rows = await db.selectFrom(TABLE).select(['projection', 'position']).where('projection', 'in', names).execute();
  for (const row of rows as { projection: string; position: string }[])
    checkpoints.set(row.projection, BigInt(row.position));
  return checkpoints;
}

export async function saveCheckpoints(db: ReadDb, names: readonly string[], position: bigint): Promise<void> {
  if (names.length === 0) return;
  const updatedAt = new Date().toISOString();
  await db
    .insertInto(TABLE)
    .values(names.map((projection) => ({ projection, position: position.toString(), updated_at: updatedAt })))
    .onConflict((oc) =>
      oc
        .column('projection')
        .doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .execute();
}

export async function deleteCheckpoints(db: ReadDb, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db.deleteFrom(TABLE).where('projection', 'in', names).execute();
}

/** Another runner (another process, most likely) wrote this projection since we read it. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(
      `The checkpoint of "${projection}" moved under this runner: another runner is writing the same projection (run one projector per read database)`,
    );
    this.name = 'CheckpointMovedError';
  }
}

/**
 * Moves each checkpoint from the value this runner last committed to `to`, inside the batch's
 * transaction, and fails if it was no longer there. Two runners on one read database would
 * otherwise both apply every event; this way the second one's batch rolls back and it stops.
 */
export async function advanceCheckpoints(
  db: ReadDb,
  moves: ReadonlyMap<string, bigint | null>,
  to: bigint,
): Promise<void> {
  const updatedAt = new Date().toISOString();
  for (const [projection, from] of moves) {
    if (from === null) {
      try {
        await db.insertInto(TABLE).values({ projection, position: to.toString(), updated_at: updatedAt }).execute();
      } catch (error) {
        throw Object.assign(new CheckpointMovedError(projection), { cause: error });
      }
      continue;
    }
    const { numUpdatedRows } = await db
      .updateTable(TABLE)
      .set({ position: to.toString(), updated_at: updatedAt })
      .where('projection', '=', projection)
      .where('position', '=', from.toString())
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) throw new CheckpointMovedError(projection);
  }
}
