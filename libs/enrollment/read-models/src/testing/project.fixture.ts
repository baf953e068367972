import type { DomainEvent, Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import type { Kysely } from 'kysely';
import type { EnrollmentDatabase } from '../lib/enrollment.database';

/**
 * A stand-in for the read-store runner, enough to fill tables from hand-numbered events in a
 * query spec: load the row, fold, write it back. The runner itself is exercised by
 * enrollment.runner.spec.ts.
 */
export async function project<Row extends ProjectionRow, E extends DomainEvent>(
  db: Kysely<EnrollmentDatabase>,
  projection: Projection<Row, E>,
  events: readonly RecordedEvent<DomainEvent>[],
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const anyDb = db as unknown as Kysely<any>;
  const keyColumn: string = projection.keyColumn;
  const handled = new Set<string>(projection.handles);
  for (const event of events as readonly RecordedEvent<E>[]) {
    if (!handled.has(event.type)) continue;
    const key = projection.keyOf(event);
    if (key === null) continue;
    const before = ((await anyDb
      .selectFrom(projection.table)
      .selectAll()
      .where(keyColumn, '=', key)
      .executeTakeFirst()) ?? null) as Row | null;
    const after = projection.apply(before, event);
    if (after === before) continue;
    if (!after) await anyDb.deleteFrom(projection.table).where(keyColumn, '=', key).execute();
    else if (!before) await anyDb.insertInto(projection.table).values(after).execute();
    else await anyDb.updateTable(projection.table).set(after).where(keyColumn, '=', key).execute();
  }
}
