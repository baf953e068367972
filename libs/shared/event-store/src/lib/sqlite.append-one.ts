import { categoryOf, type AppendResult, type ExpectedRevision } from '@sooc/event-sourcing';
import type { PreparedEvent } from './append-input';
import { matchesExpected, resolveRepeat } from './expected-revision';
import type { SqliteStatements } from './sqlite.statements';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  /** Date.now() when queued: how long it may keep waiting for another process's write lock. */
  readonly queuedAt: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendOutcome = { readonly ok: true; readonly result: AppendResult; readonly wrote: boolean } | { readonly ok: false; readonly error: unknown };

/**
 * One append inside the group-commit transaction, in its own savepoint so that its failure
 * leaves the others of the batch untouched. The expected-revision check runs here, under the
 * write lock, which makes it hold across processes too. The event-id lookup only happens when
 * needed (a failed check or a duplicate id), keeping the common path to the inserts alone.
 */
export function appendOne(statements: SqliteStatements, append: PendingAppend, recordedAt: string): AppendOutcome {
  const { streamId, events, expected } = append;
  statements.savepoint.run();
  try {
    const current = statements.currentRevision.get(streamId)?.r ?? null;
    if (!matchesExpected(expected, current)) {
      return done(statements, { ok: true, result: resolveRepeat(streamId, expected, current, events.map((e) => statements.lookupId(e.id))), wrote: false });
    }
    const category = categoryOf(streamId);
    let revision = current ?? -1n;
    let position = 0n;
    for (const e of events) {
      try {
        position = statements.insert.run(streamId, ++revision, category, e.id, e.type, e.data, e.metadata, recordedAt).lastInsertRowid as bigint;
      } catch (error) {
        if (!isDuplicateId(error)) throw error;
        statements.rollbackTo.run();
        return done(statements, { ok: true, result: resolveRepeat(streamId, expected, current, events.map((x) => statements.lookupId(x.id))), wrote: false });
      }
    }
    return done(statements, { ok: true, result: { nextExpectedRevision: revision, position }, wrote: true });
  } catch (error) {
    statements.rollbackTo.run();
    return done(statements, { ok: false, error });
  }
}

function done(statements: SqliteStatements, outcome: AppendOutcome): AppendOutcome {
  statements.release.run();
  return outcome;
}

function isDuplicateId(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes('events.id');
}
