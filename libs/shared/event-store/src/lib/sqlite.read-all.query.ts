import type { EventFilter } from '@sooc/event-sourcing';

export const COLUMNS = 'position, stream_id, revision, id, type, data, metadata, recorded_at';

/**
 * SQL for readAll and subscription pages. A plain `category IN (…) AND position > ? ORDER BY
 * position` makes SQLite collect and sort every later match for each page (a temp B-tree), so a
 * catch-up gets slower as the store grows. Instead each filter value walks its own index
 * ((category, position) or (type, position)) already in position order, stops at the page size,
 * and only those few pages are merged. With both lists, categories drive and types filter.
 */
export function readAllSql(backwards: boolean, categories: number, types: number): string {
  const after = backwards ? 'position < ?' : 'position > ?';
  const order = `ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
  if (categories === 0 && types === 0) return `SELECT ${COLUMNS} FROM events WHERE ${after} ${order}`;
  const byCategory = categories > 0;
  const index = byCategory ? 'events_by_category' : 'events_by_type';
  const key = byCategory ? 'category = ?' : 'type = ?';
  const typeFilter = byCategory && types > 0 ? ` AND type IN (${Array(types).fill('?').join(', ')})` : '';
  const member = `SELECT ${COLUMNS} FROM events INDEXED BY ${index} WHERE ${key} AND ${after}${typeFilter} ${order}`;
  const members = byCategory ? categories : types;
  if (members === 1) return member;
  const union = Array(members).fill(`SELECT * FROM (${member})`).join(' UNION ALL ');
  return `SELECT ${COLUMNS} FROM (${union}) ${order}`;
}

/** The parameters for readAllSql, in the same order. */
export function readAllParams(after: bigint, max: number, filter: EventFilter | undefined): unknown[] {
  const categories = filter?.categories ?? [];
  const types = filter?.eventTypes ?? [];
  if (categories.length === 0 && types.length === 0) return [after, max];
  const params: unknown[] = [];
  if (categories.length > 0) for (const c of categories) params.push(c, after, ...types, max);
  else for (const t of types) params.push(t, after, max);
  const members = categories.length > 0 ? categories.length : types.length;
  if (members > 1) params.push(max);
  return params;
}
