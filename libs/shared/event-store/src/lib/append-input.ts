import { ValidationError, type EventToAppend, type ExpectedRevision } from '@sooc/event-sourcing';
import { toJson } from './json-value';

/** An event checked and serialised once, before any adapter touches its storage. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

// `<category>-<id>` as streamName() builds it; a leading `$` is reserved by EventStoreDB.
const STREAM_ID = /^[a-z][a-zA-Z0-9]*-\S+$/;
// EventStoreDB only accepts UUIDs as event ids, so every adapter does too.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]*$/;
const MAX_STREAM_ID = 256;

export function checkStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length > MAX_STREAM_ID || !STREAM_ID.test(streamId)) {
    throw new ValidationError('STREAM.ID_INVALID', `Stream id ${JSON.stringify(streamId)} is not "<category>-<id>"`, [
      { field: 'streamId', message: 'must be "<category>-<id>", category alphanumeric, no spaces' },
    ]);
  }
}

export function checkExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'bigint' && expected >= 0n) return;
  throw new ValidationError(
    'STREAM.EXPECTED_REVISION_INVALID',
    `Expected revision ${String(expected)} is not 'any', 'no_stream', 'stream_exists' or a bigint ≥ 0`,
    [{ field: 'expectedRevision', message: 'invalid' }],
  );
}

/**
 * Empty appends are refused rather than treated as a no-op: a no-op has no revision to return
 * for a stream that does not exist, and an empty append is always a caller's bug.
 */
export function prepareAppend(streamId: unknown, events: readonly EventToAppend[], expected: unknown): PreparedEvent[] {
  checkStreamId(streamId);
  checkExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError('STREAM.APPEND_EMPTY', `Append to ${streamId} carries no events`, [
      { field: 'events', message: 'must not be empty' },
    ]);
  }
  const ids = new Set<string>();
  // Events of one command share one metadata object: check and serialise it once.
  let lastMetadata: unknown;
  let lastMetadataJson = '';
  return events.map((event, i) => {
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) invalid(`events[${i}].id`, 'must be a UUID');
    if (ids.has(event.id)) invalid(`events[${i}].id`, `repeats ${event.id} within one append`);
    ids.add(event.id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type))
      invalid(`events[${i}].type`, 'must be PascalCase');
    if (event.metadata !== lastMetadata || i === 0) {
      checkMetadata(event.metadata, `events[${i}].metadata`);
      lastMetadataJson = toJson(event.metadata, () => `events[${i}].metadata`);
      lastMetadata = event.metadata;
    }
    return {
      id: event.id,
      type: event.type,
      data: toJson(event.data ?? null, () => `events[${i}].data`),
      metadata: lastMetadataJson,
    };
  });
}

function checkMetadata(m: unknown, at: string): void {
  if (typeof m !== 'object' || m === null) return invalid(at, 'is required');
  const meta = m as Record<string, unknown>;
  const actor = meta['actor'] as Record<string, unknown> | undefined;
  if (typeof meta['occurredAt'] !== 'string') invalid(`${at}.occurredAt`, 'must be an ISO date string');
  if (typeof actor?.['id'] !== 'string' || typeof actor?.['role'] !== 'string')
    invalid(`${at}.actor`, 'must be { id, role }');
  if (typeof meta['correlationId'] !== 'string') invalid(`${at}.correlationId`, 'must be a string');
  if (meta['causationId'] !== null && typeof meta['causationId'] !== 'string')
    invalid(`${at}.causationId`, 'must be a string or null');
  if (!Number.isInteger(meta['schemaVersion']) || (meta['schemaVersion'] as number) < 1)
    invalid(`${at}.schemaVersion`, 'must be an integer ≥ 1');
  if (meta['traceparent'] !== undefined && typeof meta['traceparent'] !== 'string')
    invalid(`${at}.traceparent`, 'must be a string when present');
}

function invalid(field: string, message: string): never {
  throw new ValidationError('EVENT.INVALID', `${field} ${message}`, [{ field, message }]);
}
