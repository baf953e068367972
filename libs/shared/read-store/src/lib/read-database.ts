import Database from 'better-sqlite3';
import { Pool, types } from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from './kysely.esm';

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
  const db: ReadDb = new Kysely({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
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
