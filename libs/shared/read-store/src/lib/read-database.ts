import Database from 'better-sqlite3';
import { Pool, types } from 'pg';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from './kysely.esm';

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
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * `sqlite:<path>`, `sqlite::memory:` or `postgres://…` / `postgresql://…`.
 * SQLite runs in WAL with synchronous=NORMAL: read models are disposable (rebuilt from events),
 * so losing the last commits on power loss only means replaying them from the checkpoint.
 */
export function openReadDatabase(url: string): ReadDatabase {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length).replace(/^\/\//, ''));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `Unsupported read database URL scheme "${scheme ?? url}": expected sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database`,
  );
}

function openSqlite(path: string): ReadDatabase {
  if (path === '') throw new Error('Read database URL "sqlite:" needs a file path or :memory:');
  const database = new Database(path);
  if (path !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Every read-store transaction reads then writes. A deferred BEGIN that loses a race with
  // another process cannot upgrade its stale WAL snapshot and fails with SQLITE_BUSY at once;
  // BEGIN IMMEDIATE takes the write lock up front and waits its turn under busy_timeout.
  const immediate = { close: () => database.close(), prepare: (text: string) => database.prepare(text === 'begin' ? 'begin immediate' : text) };
  const db: ReadDb = new Kysely({ dialect: new TransactionalDdlSqliteDialect({ database: immediate }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
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
    if (!Number.isSafeInteger(value)) throw new RangeError(`bigint column value ${text} does not fit a JavaScript number`);
    return value;
  };
  const pool = new Pool({
    connectionString: url,
    max: 10,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? parseInt8 : types.getTypeParser(oid, format))) as typeof types.getTypeParser },
  });
  const db: ReadDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
