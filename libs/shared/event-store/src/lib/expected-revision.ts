import { ConcurrencyError, ValidationError, type AppendResult, type ExpectedRevision } from '@sooc/event-sourcing';

/** Where an event id already lives, if anywhere. */
export interface StoredId {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export function matchesExpected(expected: ExpectedRevision, current: bigint | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current === expected;
}

export function concurrencyError(
  streamId: string,
  expected: ExpectedRevision,
  current: bigint | null,
): ConcurrencyError {
  return new ConcurrencyError(streamId, String(expected), current ?? 'no_stream');
}

/**
 * Decides an append that cannot simply be written: the expected revision failed, or some event
 * id is already stored. Same ids at the place the same expected revision would have put them
 * means a retried request: it succeeds with the original result and writes nothing (with 'any'
 * and 'stream_exists', finding all ids in the stream in order is enough: best effort, like
 * EventStoreDB). Anything else is a conflict. Throws or returns the original result.
 */
export function resolveRepeat(
  streamId: string,
  expected: ExpectedRevision,
  current: bigint | null,
  found: readonly (StoredId | undefined)[],
): AppendResult {
  const elsewhere = found.find((f) => f !== undefined && f.streamId !== streamId);
  if (elsewhere) {
    throw new ValidationError(
      'EVENT.ID_TAKEN',
      `An event id of this append is already stored in ${elsewhere.streamId}`,
      [{ field: 'events[].id', message: 'already used' }],
    );
  }
  if (found.length > 0 && found.every((f) => f !== undefined)) {
    const first = (found[0] as StoredId).revision;
    const inOrder = found.every((f, i) => (f as StoredId).revision === first + BigInt(i));
    const last = found[found.length - 1] as StoredId;
    const startsWhereExpected =
      expected === 'any' || expected === 'stream_exists' || first === (expected === 'no_stream' ? 0n : expected + 1n);
    if (inOrder && startsWhereExpected) return { nextExpectedRevision: last.revision, position: last.position };
  }
  throw concurrencyError(streamId, expected, current);
}
