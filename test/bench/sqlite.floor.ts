/**
 * The least any rebuild of a read database can cost on this machine: the rows a rebuild produced,
 * written again by raw better-sqlite3 into a fresh file with journaling and fsync off (nothing to
 * fold, no query builder, no WAL), indexes made after the load, one transaction. Rebuilding
 * N events can go no faster than N / this time.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';

export interface SqliteFloor {
  readonly rows: number;
  readonly insertSeconds: number;
  readonly indexSeconds: number;
  readonly commitSeconds: number;
  readonly readEventsSeconds: number;
}

/** `read` is a rebuilt read database; `events` the event store it was rebuilt from. */
export function measureSqliteFloor(read: string, events: string, scratch: string): SqliteFloor {
  const source = new Database(read, { readonly: true });
  const tables = source
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string; sql: string }[];
  const indexes = source.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as {
    sql: string;
  }[];
  const data = tables.map((t) => ({ ...t, rows: source.prepare(`SELECT * FROM "${t.name}"`).raw().all() }));
  source.close();

  rmSync(scratch, { force: true });
  const target = new Database(scratch);
  target.pragma('journal_mode = OFF');
  target.pragma('synchronous = OFF');
  target.pragma('cache_size = -1000000');
  for (const t of data) target.exec(t.sql);
  let rows = 0;
  const started = performance.now();
  target.exec('BEGIN');
  for (const t of data) {
    const width = (t.rows[0] as unknown[] | undefined)?.length ?? 0;
    if (!width) continue;
    const insert = target.prepare(`INSERT INTO "${t.name}" VALUES (${Array(width).fill('?').join(',')})`);
    for (const row of t.rows) insert.run(row as unknown[]);
    rows += t.rows.length;
  }
  const inserted = performance.now();
  for (const i of indexes) target.exec(i.sql);
  const indexed = performance.now();
  target.exec('COMMIT');
  const committed = performance.now();
  target.close();
  rmSync(scratch, { force: true });

  const store = new Database(events, { readonly: true });
  const reading = performance.now();
  let parsed = 0;
  for (const row of store.prepare('SELECT * FROM events').iterate() as Iterable<Record<string, unknown>>)
    for (const value of Object.values(row))
      if (typeof value === 'string' && value.startsWith('{')) parsed += Object.keys(JSON.parse(value) as object).length;
  const readEventsSeconds = (performance.now() - reading) / 1000;
  store.close();
  if (parsed === 0) throw new Error(`no JSON read from ${events}: is its table still called events?`);

  return {
    rows,
    insertSeconds: (inserted - started) / 1000,
    indexSeconds: (indexed - inserted) / 1000,
    commitSeconds: (committed - indexed) / 1000,
    readEventsSeconds,
  };
}
