import { categoryOf, type AppendResult, type ExpectedRevision } from '@sooc/event-sourcing';
import type { PreparedEvent } from './append-input';
import { matchesExpected, resolveRepeat } from './expected-revision';
import type { EventRow, SqliteStatements } from './sqlite.statements';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  /** Date.now() when queued: how long it may keep waiting for another process's write lock. */
  readonly queuedAt: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendOutcome =
  | {
      readonly ok: true;
      readonly result: AppendResult;
      readonly wrote: boolean;
      /** The stream's revision before this append (null: it did not exist), and the rows it wrote. */
      readonly before: bigint | null;
      readonly rows: readonly EventRow[];
    }
  | { readonly ok: false; readonly error: unknown };

/**
 * One append inside the group-commit transaction; its failure must leave the others of the
 * batch untouched. The expected-revision check runs here, under the write lock, which makes it
 * hold across processes too. Event ids are only looked up when needed (a failed check or a
 * duplicate id), keeping the common path to the inserts alone.
 *
 * No savepoint: inserts inside one cost ~25% of the insert rate (SQLite keeps a statement journal
 * for them). An append that fails half-way is undone by deleting what it added: under the write
 * lock, the rows of this stream above the revision read at the start are exactly its own.
 * Throws only when even that undo fails, and then the caller abandons the whole batch.
 */
export function appendOne(statements: SqliteStatements, append: PendingAppend, recordedAt: string): AppendOutcome {
  const { streamId, events, expected } = append;
  const current = statements.currentRevision.get(streamId)?.r ?? null;
  const repeat = (): AppendOutcome => {
    try {
      return {
        ok: true,
        result: resolveRepeat(
          streamId,
          expected,
          current,
          events.map((e) => statements.lookupId(e.id)),
        ),
        wrote: false,
        before: current,
        rows: [],
      };
    } catch (error) {
      return { ok: false, error };
    }
  };
  if (!matchesExpected(expected, current)) return repeat();
  const category = categoryOf(streamId);
  let revision = current ?? -1n;
  let position = 0n;
  const rows: EventRow[] = [];
  for (const e of events) {
    try {
      position = statements.insert.run(streamId, ++revision, category, e.id, e.type, e.data, e.metadata, recordedAt)
        .lastInsertRowid as bigint;
      rows.push({
        position,
        stream_id: streamId,
        revision,
        id: e.id,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        recorded_at: recordedAt,
      });
    } catch (error) {
      statements.undoAppend.run(streamId, current ?? -1n);
      return isDuplicateId(error) ? repeat() : { ok: false, error };
    }
  }
  return { ok: true, result: { nextExpectedRevision: revision, position }, wrote: true, before: current, rows };
}

function isDuplicateId(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes('events.id');
}
