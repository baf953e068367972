import { v5 } from 'uuid';
import { IllegalStateError } from './errors';
import { streamName } from './stream-name';

/**
 * A client's idempotency key for one command of one operation. Keys are the caller's own (two
 * callers who both send "1" use two keys), and bound to one input: `fingerprint` is a digest of
 * the operation's name and arguments, made by the edge that received them.
 */
export interface IdempotencyKey {
  readonly owner: string;
  readonly key: string;
  readonly operation: string;
  readonly fingerprint: string;
  /** Which command of the operation this is (0 for the first): each command has ids of its own. */
  readonly command: number;
}

/** Fixed, so every process, gateway and release derives the same ids from the same key. */
const NAMESPACE = '6f1c3f55-3a53-4a8e-9a0b-2f4b8c1d7e90';

export const IDEMPOTENCY_CATEGORY = 'idempotency';
export const IDEMPOTENCY_RECORDED = 'IdempotentCommandRecorded';

/** Where the key's first outcome is recorded: one stream per key, which the store makes unique. */
export function idempotencyStream(key: IdempotencyKey): string {
  return streamName(IDEMPOTENCY_CATEGORY, v5(`${key.owner}\u0000${key.key}\u0000${key.command}`, NAMESPACE));
}

/**
 * The id of the index-th event the keyed command writes (a UUID version 5): a resend derives
 * the same ids, so the stores recognise an append they already hold, and the events written
 * under a key can be found in their stream.
 */
export function idempotentEventId(key: IdempotencyKey, index: number | 'record'): string {
  return v5(`${key.owner}\u0000${key.key}\u0000${key.command}\u0000${index}`, NAMESPACE);
}

/** What the first command sent with a key did; a resend is answered from it. */
export interface IdempotencyRecord {
  readonly operation: string;
  readonly fingerprint: string;
  readonly streamId: string;
  /** Revisions of the events written (decimal), both null when the command changed nothing. */
  readonly fromRevision: string | null;
  readonly toRevision: string | null;
  /** The stream's revision when the command changed nothing (null: no stream). */
  readonly revision: string | null;
}

export class IdempotencyKeyReusedError extends IllegalStateError {
  constructor(key: IdempotencyKey, first: IdempotencyRecord) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      `This idempotency key was used for ${first.operation} with other arguments; ` +
        'a key stands for one request: send a new key for a new request',
      { operation: first.operation, requested: key.operation },
    );
  }
}
