import type Database from 'better-sqlite3';
import type { EventFilter, EventMetadata, RecordedEvent } from '@sooc/event-sourcing';
import type { StoredId } from './expected-revision';
import { COLUMNS, readAllParams, readAllSql } from './sqlite.read-all.query';

export interface EventRow {
  readonly position: bigint;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

const MAX_INT64 = 9223372036854775807n;

/** Every statement prepared once; integers come back as bigint (safeIntegers) so nothing rounds. */
export class SqliteStatements {
  readonly insert: Database.Statement;
  readonly currentRevision: Database.Statement<[string], { r: bigint | null }>;
  readonly findId: Database.Statement<[string], { stream_id: string; revision: bigint; position: bigint }>;
  readonly head: Database.Statement<[], { p: bigint | null }>;
  readonly begin: Database.Statement;
  readonly commit: Database.Statement;
  readonly undoAppend: Database.Statement<[string, bigint]>;
  /** Changes whenever another connection commits to the file (never for this one's own commits). */
  readonly dataVersion: Database.Statement<[], number>;
  private readonly streamForwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly allQueries = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database.Database) {
    this.insert = db
      .prepare(
        'INSERT INTO events (stream_id, revision, category, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .safeIntegers(true);
    this.currentRevision = db
      .prepare<[string], { r: bigint | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?')
      .safeIntegers(true);
    this.findId = db
      .prepare<[string], { stream_id: string; revision: bigint; position: bigint }>(
        'SELECT stream_id, revision, position FROM events WHERE id = ?',
      )
      .safeIntegers(true);
    this.head = db.prepare<[], { p: bigint | null }>('SELECT MAX(position) AS p FROM events').safeIntegers(true);
    // IMMEDIATE takes the write lock up front, so busy_timeout waits at BEGIN rather than failing mid-batch.
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.undoAppend = db.prepare<[string, bigint]>('DELETE FROM events WHERE stream_id = ? AND revision > ?');
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.streamForwards = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true);
    this.streamBackwards = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .safeIntegers(true);
  }

  lookupId(id: string): StoredId | undefined {
    const row = this.findId.get(id);
    return row && { streamId: row.stream_id, revision: row.revision, position: row.position };
  }

  readStream(streamId: string, from: bigint | 'start' | 'end', backwards: boolean, max: number): EventRow[] {
    if (backwards)
      return this.streamBackwards.all(streamId, from === 'end' ? MAX_INT64 : from === 'start' ? 0n : from, max);
    if (from === 'end') return [];
    return this.streamForwards.all(streamId, from === 'start' ? 0n : from, max);
  }

  /** `after` is exclusive in both directions. */
  readAll(after: bigint, backwards: boolean, max: number, filter: EventFilter | undefined): EventRow[] {
    const categories = filter?.categories?.length ?? 0;
    const types = filter?.eventTypes?.length ?? 0;
    const key = `${backwards}:${categories}:${types}`;
    let statement = this.allQueries.get(key);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(readAllSql(backwards, categories, types)).safeIntegers(true);
      this.allQueries.set(key, statement);
    }
    return statement.all(...readAllParams(after, max, filter));
  }
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
  };
}
