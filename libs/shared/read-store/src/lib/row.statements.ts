import type { ProjectionRow } from '@sooc/event-sourcing';
import { CompiledQuery, sql } from 'kysely';
import type { ReadDb } from './read-database';

/**
 * The runner's hot-path SQL, written by hand: compiling a 500-row insert through Kysely's
 * builder cost more than running it. Statement shapes are kept few (IN lists padded to powers of
 * two, upserts cut into power-of-two row counts) so SQL text repeats and the SQLite statement
 * cache in read-database.ts skips re-parsing. The same text runs on both dialects; only the
 * placeholder style differs.
 */
export class RowStatements {
  private readonly texts = new Map<string, string>();
  private readonly placeholder: (index: number) => string;

  constructor(db: ReadDb) {
    const dollar = sql`${0}`.compile(db).sql.startsWith('$');
    this.placeholder = dollar ? (i) => `$${i + 1}` : () => '?';
  }

  select(table: string, key: string, keys: readonly string[]): CompiledQuery<ProjectionRow> {
    const padded = pad(keys);
    const text = this.text(
      `s|${table}|${key}|${padded.length}`,
      () => `SELECT * FROM ${quote(table)} WHERE ${quote(key)} IN (${this.list(0, padded.length)})`,
    );
    return CompiledQuery.raw(text, padded) as CompiledQuery<ProjectionRow>;
  }

  delete(table: string, key: string, keys: readonly string[]): CompiledQuery {
    const padded = pad(keys);
    const text = this.text(
      `d|${table}|${key}|${padded.length}`,
      () => `DELETE FROM ${quote(table)} WHERE ${quote(key)} IN (${this.list(0, padded.length)})`,
    );
    return CompiledQuery.raw(text, padded);
  }

  /** All rows must have exactly `columns`; at most MAX_ROWS of them. */
  upsert(table: string, key: string, columns: readonly string[], rows: readonly ProjectionRow[]): CompiledQuery {
    const text = this.text(`u|${table}|${key}|${columns.join(',')}|${rows.length}`, () => {
      const tuples = rows.map((_, r) => `(${this.list(r * columns.length, columns.length)})`).join(', ');
      const others = columns.filter((c) => c !== key);
      const onConflict =
        others.length === 0
          ? 'DO NOTHING'
          : `DO UPDATE SET ${others.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
      return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples} ON CONFLICT (${quote(key)}) ${onConflict}`;
    });
    const parameters: unknown[] = [];
    for (const row of rows) for (const column of columns) parameters.push(row[column]);
    return CompiledQuery.raw(text, parameters);
  }

  private list(first: number, count: number): string {
    return Array.from({ length: count }, (_, i) => this.placeholder(first + i)).join(', ');
  }

  private text(shape: string, build: () => string): string {
    let text = this.texts.get(shape);
    if (text === undefined) {
      text = build();
      this.texts.set(shape, text);
    }
    return text;
  }
}

/** Most keys per IN list and rows per upsert; stays far below every bind-parameter limit. */
export const MAX_KEYS = 512;
export const MAX_ROWS = 64;

/** Row counts an upsert of `count` rows is cut into: MAX_ROWS, then powers of two. */
export function upsertSizes(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left >= MAX_ROWS) {
    sizes.push(MAX_ROWS);
    left -= MAX_ROWS;
  }
  for (let size = MAX_ROWS / 2; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

function pad(keys: readonly string[]): string[] {
  let size = 1;
  while (size < keys.length) size *= 2;
  const padded = keys.slice();
  while (padded.length < size) padded.push(keys[keys.length - 1]);
  return padded;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
