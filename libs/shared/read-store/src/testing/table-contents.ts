import type { ReadDb } from '../lib/read-database';

/** Every row of each projection's table, ordered by its key: what a replay must reproduce exactly. */
export async function tableContents(
  db: ReadDb,
  projections: readonly { readonly table: string; readonly keyColumn: string }[],
): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    projections.map(
      async ({ table, keyColumn }) =>
        [table, await db.selectFrom(table).selectAll().orderBy(keyColumn).execute()] as const,
    ),
  );
  return Object.fromEntries(entries);
}
