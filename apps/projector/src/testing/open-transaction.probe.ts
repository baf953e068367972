import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Whether some other connection holds open a transaction that blocks writers right now: on SQLite,
 * one holding the write lock (BEGIN IMMEDIATE takes it up front); on PostgreSQL, one that has
 * written (its row locks stop whoever writes the same rows or checkpoints). A test that freezes a
 * projector checks with it where the freeze landed. Null when it cannot tell (see below).
 */
export async function writeTransactionOpen(readDbUrl: string): Promise<boolean | null> {
  if (readDbUrl.startsWith('sqlite:')) return sqliteWriteLocked(readDbUrl.slice('sqlite:'.length));
  const client = new Client({ connectionString: readDbUrl });
  await client.connect();
  try {
    // A frozen client's session waits between two statements of its transaction (idle in
    // transaction); RowExclusiveLock says that transaction has written.
    const { rows } = await client.query<{ open: string }>(
      `select count(*) as open from pg_stat_activity s join pg_locks l on l.pid = s.pid
       where s.datname = current_database() and s.pid <> pg_backend_pid() and s.state like 'idle in transaction%' and l.mode = 'RowExclusiveLock' and l.granted`,
    );
    return Number(rows[0]?.open ?? 0) > 0;
  } finally {
    await client.end();
  }
}

function sqliteWriteLocked(file: string): boolean | null {
  // No busy wait: BEGIN IMMEDIATE fails at once if another connection holds the write lock.
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('ROLLBACK').run();
    return false;
  } catch (error) {
    const code = String((error as { code?: string }).code ?? error);
    if (/SQLITE_BUSY|database is locked/i.test(code)) return true;
    // Frozen halfway through changing the shared WAL index (a checkpoint on its worker thread, a
    // commit's last step): SQLite gives up opening a read and says "locking protocol". Neither
    // between nor inside a transaction: the caller freezes elsewhere.
    if (/SQLITE_PROTOCOL|locking protocol/i.test(code)) return null;
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Whether a frozen transaction holds the projector's lease row (PostgreSQL): the fence, last in each
 * batch, updates it. A freeze that lands after the fence keeps any standby from taking the lease
 * over until the holder wakes and commits, which is the design (its commit comes first, then the
 * takeover), but not the scene a test of a frozen holder losing its lease wants.
 */
export async function leaseRowLocked(readDbUrl: string, lease = 'projector'): Promise<boolean> {
  if (readDbUrl.startsWith('sqlite:')) return false;
  const client = new Client({ connectionString: readDbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('select 1 from worker_leases where name = $1 for update nowait', [lease]);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return true;
    throw error;
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}
