import Database from 'better-sqlite3';
import { Pool, types } from 'pg';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from 'kysely';
import { answerBoundedClient, type AnswerBound } from './pg.answer-bound';
import { listenForNotifications, type ListenOptions, type NotificationListener } from './pg.listener';
import { checkpointInBackground } from './wal.checkpointer';

export type ReadDialect = 'sqlite' | 'postgres';

/**
 * Read-model tables are declared by the read-model libraries at run time, so the store cannot
 * name them in a static schema type; repositories cast to their own `Kysely<TheirTables>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadDb = Kysely<any>;

export interface ReadDatabase {
  readonly db: ReadDb;
  readonly dialect: ReadDialect;
  /**
   * PostgreSQL only: calls `onNotify` at each NOTIFY on `channel` (and once per (re)connection),
   * on a dedicated connection of the pool. SQLite has no such thing: its followers poll.
   */
  readonly listen?: (channel: string, onNotify: () => void, options?: ListenOptions) => NotificationListener;
  /**
   * PostgreSQL only: from now on a connection or a statement the server does not answer within
   * `ms` fails as an outage (STORE_UNAVAILABLE) instead of waiting for ever (answerBoundedClient).
   * A service sets it once its migrations ran, which may rightly take longer.
   */
  readonly answerWithin?: (ms: number) => void;
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * `sqlite:<path>`, `sqlite::memory:` or `postgres://…` / `postgresql://…`.
 * SQLite runs in WAL with synchronous=NORMAL: read models are disposable (rebuilt from events),
 * so losing the last commits on power loss only means replaying them from the checkpoint.
 */
export function openReadDatabase(url: string, options: ReadDatabaseOptions = {}): ReadDatabase {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length).replace(/^\/\//, ''), options);
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `Unsupported read database URL scheme "${scheme ?? url}": expected sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database`,
  );
}

export interface ReadDatabaseOptions {
  /**
   * SQLite files only: WAL checkpoints on a worker thread of their own instead of inside the
   * commits that cross SQLite's threshold (checkpointInBackground). For the long-lived processes
   * that project under load; a test or a one-off command need not start a thread.
   */
  readonly backgroundCheckpoints?: boolean;
}

function openSqlite(path: string, options: ReadDatabaseOptions): ReadDatabase {
  if (path === '') throw new Error('Read database URL "sqlite:" needs a file path or :memory:');
  const database = new Database(path);
  if (path !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Freed cells are zeroed: a replaced or deleted row leaves none of its bytes in the file.
  database.pragma('secure_delete = ON');
  const checkpointer =
    options.backgroundCheckpoints && path !== ':memory:' ? checkpointInBackground(database, path) : null;
  const db: ReadDb = new Kysely({
    dialect: new TransactionalDdlSqliteDialect({ database: cachingStatements(database) }),
  });
  // The checkpointer's connection closes last: it checkpoints what is left and removes the WAL.
  return { db, dialect: 'sqlite', close: () => db.destroy().finally(() => checkpointer?.stop()) };
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * What Kysely's SQLite driver sees as the database: better-sqlite3 with two changes.
 * - Every read-store transaction reads then writes. A deferred BEGIN that loses a race with
 *   another process cannot upgrade its stale WAL snapshot and fails with SQLITE_BUSY at once;
 *   BEGIN IMMEDIATE takes the write lock up front and waits its turn under busy_timeout.
 * - SQLite ends a transaction by itself on some errors (SQLITE_FULL: a full disk); Kysely's
 *   ROLLBACK then fails with "cannot rollback - no transaction is active", which replaced the
 *   real error (the full-disk run). A rollback with nothing open does nothing.
 * - Kysely prepares every query afresh; parsing a 64-row upsert each batch was a visible share of
 *   a rebuild, so recent statements are kept by SQL text (the driver runs one query at a time).
 */
function cachingStatements(database: Database.Database): { close(): void; prepare(text: string): Database.Statement } {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (text) => {
      const cached = cache.get(text);
      if (cached) return cached;
      const statement =
        text === 'rollback' ? rollbackIfOpen(database) : database.prepare(text === 'begin' ? 'begin immediate' : text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(text, statement);
      return statement;
    },
  };
}

function rollbackIfOpen(database: Database.Database): Database.Statement {
  const rollback = database.prepare('rollback');
  const nothing = { changes: 0, lastInsertRowid: 0 };
  return {
    reader: false,
    run: (...args: unknown[]) => (database.inTransaction ? rollback.run(...args) : nothing),
  } as unknown as Database.Statement;
}

/**
 * SQLite does roll back DDL, but Kysely's adapter says it cannot, so its Migrator would run
 * migrations outside any transaction: a failure would leave half a run behind and two processes
 * would both apply the same migration. Saying so makes each run one BEGIN IMMEDIATE transaction.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): TransactionalDdlSqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openPostgres(url: string): ReadDatabase {
  // bigint columns come back as numbers, as they do from SQLite, so a projection sees one row
  // shape on both dialects; a value beyond 2^53 would silently lose digits, so it fails loudly.
  const parseInt8 = (text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value))
      throw new RangeError(`bigint column value ${text} does not fit a JavaScript number`);
    return value;
  };
  const bound: AnswerBound = { answerWithinMs: 0 };
  const pool = new Pool({
    connectionString: url,
    max: 10,
    Client: answerBoundedClient(bound),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
    },
  });
  // A client whose server went away (a restart, an outage) emits an error, idle in the pool or
  // checked out between two statements of a transaction; unheard, Node throws it and the process
  // ends. The statements on it fail by themselves (the outage is reported there), the pool drops
  // it, and the next query connects again.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db: ReadDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    listen: (channel, onNotify, options) => listenForNotifications(pool, channel, onNotify, options),
    answerWithin: (ms) => {
      bound.answerWithinMs = ms;
      // pg-pool reads it at each new connection.
      pool.options.connectionTimeoutMillis = ms;
    },
    close: () => db.destroy(),
  };
}
