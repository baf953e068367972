import Database from 'better-sqlite3';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

export const SCHEMA_VERSION = 1;

/**
 * SQLite's own busy handler sleeps in growing steps (up to 100 ms) with the event loop blocked,
 * and under steady load the other process grabs the lock again before the sleeper wakes: one
 * process starves. So a connection only waits this long inside SQLite; longer waits are short
 * asynchronous retries by the store, which keep the event loop free and the two processes fair.
 */
export const SHORT_LOCK_WAIT_MS = 2;

/**
 * `position` is the rowid with AUTOINCREMENT: SQLite has one writer at a time, so positions are
 * handed out in commit order and a reader never sees a smaller position appear later.
 * `category` is stored (not derived in queries) so category filters use an index.
 */
const SCHEMA_V1 = `
  CREATE TABLE events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    category    TEXT    NOT NULL,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX events_by_category ON events (category, position);
  CREATE INDEX events_by_type ON events (type, position);
`;

export interface ConnectionOptions {
  readonly synchronous: SqliteSynchronous;
  readonly busyTimeoutMs: number;
}

/** The pragmas every connection to an event-store file uses (the benchmark's raw baseline too). */
export function openConnection(file: string, options: ConnectionOptions): Database.Database {
  const db = new Database(file);
  try {
    // First, so that another process holding the lock makes us wait instead of fail.
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    migrate(db);
    // From now on the store waits for the write lock itself, off the event loop (see flush()).
    db.pragma(`busy_timeout = ${Math.min(SHORT_LOCK_WAIT_MS, Math.max(0, Math.trunc(options.busyTimeoutMs)))}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: two processes opening a new file at once must not both create the table.
  db.exec('BEGIN IMMEDIATE');
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`Event store schema ${version} is newer than this code (${SCHEMA_VERSION})`);
    if (version < 1) db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
