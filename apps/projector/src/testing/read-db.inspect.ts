import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnyProjection } from '@sooc/read-store';

/**
 * Reads a projector's SQLite read database from outside, read-only, the way an operator's tool
 * would: a fresh connection per call, so each answer is the last committed state.
 */
export function withReadOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Lowest committed checkpoint, or null while the database or its checkpoint table does not exist yet. */
export function lowestCheckpoint(file: string): bigint | null {
  if (!existsSync(file)) return null;
  try {
    return withReadOnly(file, (db) => {
      const rows = db.prepare('SELECT position FROM projection_checkpoints').all() as { position: string }[];
      return rows.length === 0 ? null : rows.map((r) => BigInt(r.position)).reduce((a, b) => (b < a ? b : a));
    });
  } catch (error) {
    // The projector has not migrated yet, or holds the lock while creating the file.
    if (/no such table|SQLITE_BUSY|SQLITE_CANTOPEN|database is locked/i.test(String(error))) return null;
    throw error;
  }
}

export interface ReadModelDump {
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  readonly checkpoints: readonly { projection: string; position: string }[];
}

/** Every row of every projection's table ordered by key, and the checkpoints without their timestamps. */
export function dumpReadModels(file: string, projections: readonly AnyProjection[]): ReadModelDump {
  return withReadOnly(file, (db) => ({
    tables: Object.fromEntries(
      projections.map((p) => [
        p.table,
        db.prepare(`SELECT * FROM "${p.table}" ORDER BY "${String(p.keyColumn)}"`).all() as Record<string, unknown>[],
      ]),
    ),
    checkpoints: db.prepare('SELECT projection, position FROM projection_checkpoints ORDER BY projection').all() as {
      projection: string;
      position: string;
    }[],
  }));
}
