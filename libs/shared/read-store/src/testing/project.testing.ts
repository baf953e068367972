import type { DomainEvent, Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import type { Kysely } from 'kysely';

/**
 * A stand-in for the runner, enough to fill a context's tables from hand-made events in a query
 * spec: skip the events the projection does not handle, load the row, fold, write it back. The
 * runner itself (batches, checkpoints, both dialects) has its own specs.
 */
export async function project<DB, Row extends ProjectionRow, E extends DomainEvent>(
  db: Kysely<DB>,
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
