import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Whether some connection holds a write transaction open on the read database right now. A
 * process frozen inside one blocks every other writer (SQLite's single write lock; PostgreSQL row
 * locks on the checkpoints), so a test that freezes a projector checks where the freeze landed.
 */
export async function writeTransactionOpen(readDbUrl: string): Promise<boolean> {
  if (readDbUrl.startsWith('sqlite:')) return sqliteWriteLocked(readDbUrl.slice('sqlite:'.length));
  const client = new Client({ connectionString: readDbUrl });
  await client.connect();
  try {
    // A frozen client's session waits between two statements of its transaction: idle in transaction.
    const { rows } = await client.query<{ open: string }>(
      `select count(*) as open from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`,
    );
    return Number(rows[0]?.open ?? 0) > 0;
  } finally {
    await client.end();
  }
}

function sqliteWriteLocked(file: string): boolean {
  // No busy wait: BEGIN IMMEDIATE fails at once if another connection holds the write lock.
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('ROLLBACK').run();
    return false;
  } catch (error) {
    if (/SQLITE_BUSY|database is locked/i.test(String((error as { code?: string }).code ?? error))) return true;
    throw error;
  } finally {
    db.close();
  }
}
