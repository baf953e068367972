import { Pool } from 'pg';
import { answerBoundedClient } from '@sooc/read-store';
import {
  newSubjectKey,
  type ErasureResult,
  type KeyStore,
  type SubjectKey,
  type SubjectStatus,
} from '@sooc/personal-data';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sooc_subject_keys (
    key_id     TEXT PRIMARY KEY,
    subject    TEXT NOT NULL UNIQUE,
    key        BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS sooc_erased_subjects (
    subject   TEXT PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
  );
`;

/**
 * The production key store (`SOOC_KEY_STORE_URL=postgres://…`): two tables of their own, best in a
 * database apart from the read models, so a dump of the read database never holds a key.
 */
export class PostgresKeyStore implements KeyStore {
  private constructor(private readonly pool: Pool) {}

  static async open(url: string, answerWithinMs = 0): Promise<PostgresKeyStore> {
    const pool = new Pool({
      connectionString: url,
      max: 4,
      // A server that takes connections and never answers fails the request instead of holding it.
      connectionTimeoutMillis: answerWithinMs,
      Client: answerBoundedClient({ answerWithinMs }),
    });
    // As for the read database: an idle client lost in an outage must not end the process.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      // Two processes starting at once may both create the tables: the loser's error is harmless.
      await pool.query(SCHEMA).catch(async () => pool.query(SCHEMA));
      return new PostgresKeyStore(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async keyFor(subject: string): Promise<SubjectKey> {
    const made = newSubjectKey();
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer }>(
      `WITH made AS (
         INSERT INTO sooc_subject_keys (key_id, subject, key) VALUES ($1, $2, $3)
         ON CONFLICT (subject) DO NOTHING RETURNING key_id, key)
       SELECT key_id, key FROM made
       UNION ALL SELECT key_id, key FROM sooc_subject_keys WHERE subject = $2
       LIMIT 1`,
      [made.keyId, subject, made.key],
    );
    const row = rows[0];
    if (!row) throw new Error(`The key of ${subject} vanished while it was made`);
    return { keyId: row.key_id, key: row.key };
  }

  async keys(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (keyIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer }>(
      'SELECT key_id, key FROM sooc_subject_keys WHERE key_id = ANY($1)',
      [[...new Set(keyIds)]],
    );
    return new Map(rows.map((r) => [r.key_id, r.key]));
  }

  async statusOf(subject: string): Promise<SubjectStatus> {
    const { rows } = await this.pool.query<{ status: SubjectStatus }>(
      `SELECT CASE
         WHEN EXISTS (SELECT 1 FROM sooc_subject_keys WHERE subject = $1) THEN 'active'
         WHEN EXISTS (SELECT 1 FROM sooc_erased_subjects WHERE subject = $1) THEN 'erased'
         ELSE 'unknown' END AS status`,
      [subject],
    );
    return rows[0]?.status ?? 'unknown';
  }

  async erase(subject: string, at: Date): Promise<ErasureResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const deleted = (await client.query('DELETE FROM sooc_subject_keys WHERE subject = $1', [subject])).rowCount ?? 0;
      if (deleted > 0)
        await client.query(
          `INSERT INTO sooc_erased_subjects (subject, erased_at) VALUES ($1, $2)
           ON CONFLICT (subject) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
          [subject, at],
        );
      const erased = (await client.query('SELECT 1 FROM sooc_erased_subjects WHERE subject = $1', [subject])).rowCount;
      await client.query('COMMIT');
      return { keysDeleted: deleted, status: erased ? 'erased' : 'unknown' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
