import type { EventFilter } from '@sooc/event-sourcing';

export const COLUMNS = 'position, stream_id, revision, id, type, data, metadata, recorded_at';

/**
 * SQL for readAll and subscription pages, chosen so that no page sorts: with one category (or,
 * without categories, one type) its (category|type, position) index is already in position
 * order. With several values, `IN (…)` on that index makes SQLite merge-sort every later match
 * per page, so those filters walk the table in position order instead (`+` keeps the index out)
 * and stop after `max` matches; a subscription pages on from where the scan ended, so a whole
 * catch-up reads each row once.
 */
export function readAllSql(backwards: boolean, categories: number, types: number): string {
  const where = [backwards ? 'position < ?' : 'position > ?'];
  const list = (n: number) => Array(n).fill('?').join(', ');
  let index = '';
  if (categories === 1) {
    index = ' INDEXED BY events_by_category';
    where.push('category = ?');
  } else if (categories > 1) where.push(`+category IN (${list(categories)})`);
  if (categories === 0 && types === 1) {
    index = ' INDEXED BY events_by_type';
    where.push('type = ?');
  } else if (types > 0) where.push(`+type IN (${list(types)})`);
  return `SELECT ${COLUMNS} FROM events${index} WHERE ${where.join(' AND ')} ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
}

/** The parameters for readAllSql, in the same order. */
export function readAllParams(after: bigint, max: number, filter: EventFilter | undefined): unknown[] {
  return [after, ...(filter?.categories ?? []), ...(filter?.eventTypes ?? []), max];
}
