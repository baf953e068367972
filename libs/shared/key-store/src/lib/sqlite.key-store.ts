import Database from 'better-sqlite3';
import {
  newSubjectKey,
  type ErasureResult,
  type KeyStore,
  type SubjectKey,
  type SubjectStatus,
} from '@sooc/personal-data';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS subject_keys (
    key_id     TEXT PRIMARY KEY,
    subject    TEXT NOT NULL UNIQUE,
    key        BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS erased_subjects (
    subject   TEXT PRIMARY KEY,
    erased_at TEXT NOT NULL
  );
`;

interface KeyRow {
  key_id: string;
  key: Buffer;
}

/**
 * The embedded key store: its own SQLite file beside the events (`keys.sqlite`). A key must be on
 * disk before an event sealed with it (synchronous=FULL); an erased key must leave no bytes behind
 * (secure_delete zeroes the freed cells, a TRUNCATE checkpoint empties the WAL).
 */
export class SqliteKeyStore implements KeyStore {
  /** Prepared once: preparing them on every call was 3% of a submitting gateway's thread. */
  private readonly statements: KeyStatements;

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareKeyStatements(db);
  }

  static open(file: string): SqliteKeyStore {
    const db = new Database(file);
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.exec(SCHEMA);
      return new SqliteKeyStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Keys asked for while a batch is being made: one transaction, one fsync, for all of them. */
  private pending = new Map<string, { resolve: (key: SubjectKey) => void; reject: (error: unknown) => void }[]>();
  private scheduled = false;

  async keyFor(subject: string): Promise<SubjectKey> {
    const row = this.statements.bySubject.get(subject);
    if (row) return { keyId: row.key_id, key: row.key };
    // A new learner per application under load: a synchronous fsync each would stall the event
    // loop, so new keys are committed together once this turn of the loop is done (group commit).
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(subject) ?? [];
      waiting.push({ resolve, reject });
      this.pending.set(subject, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.commitPending());
      }
    });
  }

  private commitPending(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    try {
      const { insert, bySubject: select } = this.statements;
      const now = new Date().toISOString();
      // Another process may have made one meanwhile: theirs wins, ours is never used.
      const kept = this.db.transaction(() =>
        [...batch.keys()].map((subject) => {
          const made = newSubjectKey();
          insert.run(made.keyId, subject, made.key, now);
          return [subject, select.get(subject)] as const;
        }),
      )();
      for (const [subject, row] of kept)
        for (const waiter of batch.get(subject) ?? []) {
          if (row) waiter.resolve({ keyId: row.key_id, key: row.key });
          else waiter.reject(new Error(`No key for ${subject}`));
        }
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  async keys(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const get = this.statements.byKeyId;
    for (const id of new Set(keyIds)) {
      const row = get.get(id);
      if (row) found.set(row.key_id, row.key);
    }
    return found;
  }

  async statusOf(subject: string): Promise<SubjectStatus> {
    if (this.statements.bySubject.get(subject)) return 'active';
    if (this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject = ?').get(subject)) return 'erased';
    return 'unknown';
  }

  async erase(subject: string, at: Date): Promise<ErasureResult> {
    const result = this.db.transaction((): ErasureResult => {
      const deleted = this.db.prepare('DELETE FROM subject_keys WHERE subject = ?').run(subject).changes;
      const erasedBefore = this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject = ?').get(subject);
      if (deleted === 0 && !erasedBefore) return { keysDeleted: 0, status: 'unknown' };
      if (deleted > 0)
        this.db
          .prepare(
            'INSERT INTO erased_subjects (subject, erased_at) VALUES (?, ?) ON CONFLICT DO UPDATE SET erased_at = ?',
          )
          .run(subject, at.toISOString(), at.toISOString());
      return { keysDeleted: deleted, status: 'erased' };
    })();
    if (result.keysDeleted > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

interface KeyStatements {
  readonly bySubject: Database.Statement<[string], KeyRow>;
  readonly byKeyId: Database.Statement<[string], KeyRow>;
  readonly insert: Database.Statement<[string, string, Buffer, string]>;
}

function prepareKeyStatements(db: Database.Database): KeyStatements {
  return {
    bySubject: db.prepare<[string], KeyRow>('SELECT key_id, key FROM subject_keys WHERE subject = ?'),
    byKeyId: db.prepare<[string], KeyRow>('SELECT key_id, key FROM subject_keys WHERE key_id = ?'),
    insert: db.prepare<[string, string, Buffer, string]>(
      'INSERT INTO subject_keys (key_id, subject, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
  };
}
