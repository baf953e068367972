import { randomUUID } from 'node:crypto';

/** One event as the stand-in keeps it: what EventStoreDB stores, no more. */
export interface StoredRecord {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  /** Commit and prepare position, equal as on a single node. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly created: bigint;
}

export type ProposedRecord = Pick<StoredRecord, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { readonly ok: true; readonly revision: bigint | null; readonly position: bigint | null }
  | { readonly ok: false; readonly current: bigint | null }
  | StreamDeleted;

/** The stream was tombstoned: every later read or write of it is refused. */
export interface StreamDeleted {
  readonly ok: false;
  readonly deleted: true;
}

export type DeleteOutcome =
  | { readonly ok: true; readonly position: bigint }
  | { readonly ok: false; readonly current: bigint | null }
  | StreamDeleted;

/** The revision EventStoreDB gives the `$streamDeleted` event a tombstone writes (long.MaxValue). */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;

const TICKS_PER_MS = 10_000n;

/**
 * One global log in memory. Positions grow by a record-sized step, not by one, so an adapter that
 * assumes contiguous positions fails here as it would on a real server.
 */
export class StandInLog {
  readonly records: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly byId = new Map<string, StoredRecord>();
  private readonly listeners = new Set<() => void>();
  /** Soft-deleted streams: the last revision they had, which a recreated stream continues from. */
  private readonly deletedAt = new Map<string, bigint>();
  private readonly tombstoned = new Set<string>();
  private next: bigint;

  constructor(firstPosition: bigint) {
    this.next = firstPosition;
  }

  /** The stream's readable records; undefined when it has none (never written, or soft-deleted). */
  stream(streamId: string): readonly StoredRecord[] | undefined {
    const records = this.streams.get(streamId);
    return records && records.length > 0 ? records : undefined;
  }

  /** The first revision a reader may see: past the last soft delete's truncation. */
  readableFrom(streamId: string): bigint {
    const deletedAt = this.deletedAt.get(streamId);
    return deletedAt === undefined ? 0n : deletedAt + 1n;
  }

  isTombstoned(streamId: string): boolean {
    return this.tombstoned.has(streamId);
  }

  /** Index of the first record whose position is at least `position` (binary search: positions increase). */
  indexFrom(position: bigint): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Called after every append; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A soft-deleted stream reads as absent and is recreated by the next append ('no_stream',
   * 'any', or the revision it had), its revisions going on from where they were, as on the server.
   */
  append(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedRecord[]): AppendOutcome {
    if (this.tombstoned.has(streamId)) return { ok: false, deleted: true };
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    const repeat = this.repeatOf(streamId, expected, proposed);
    if (repeat === 'conflict') return { ok: false, current };
    if (repeat) return repeat;
    const deletedAt = current === null ? this.deletedAt.get(streamId) : undefined;
    if (!matches(expected, current) && !(deletedAt !== undefined && expected === deletedAt))
      return { ok: false, current };
    if (proposed.length === 0) return { ok: true, revision: current, position: null };
    let revision = current ?? deletedAt ?? -1n;
    for (const p of proposed) stream.push(this.write(streamId, ++revision, p));
    this.streams.set(streamId, stream);
    for (const listener of this.listeners) listener();
    return { ok: true, revision, position: stream[stream.length - 1].position };
  }

  /**
   * Soft delete: the stream reads as absent until written again; its events stay in `$all` (until
   * a scavenge, which the stand-in never runs), and a `$metadata` event recording the truncation
   * goes to `$$<stream>`, as the server writes it.
   */
  delete(streamId: string, expected: ExpectedRevision): DeleteOutcome {
    if (this.tombstoned.has(streamId)) return { ok: false, deleted: true };
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    if (!matches(expected, current)) return { ok: false, current };
    const last = current ?? this.deletedAt.get(streamId);
    if (last !== undefined) this.deletedAt.set(streamId, last);
    this.forget(streamId, stream);
    const metadataStream = `$$${streamId}`;
    const metadataRevision = (this.streams.get(metadataStream)?.at(-1)?.revision ?? -1n) + 1n;
    const data = Buffer.from(JSON.stringify({ $tb: last === undefined ? 0 : Number(last + 1n) }), 'utf8');
    const record = this.write(metadataStream, metadataRevision, {
      id: randomUUID(),
      type: '$metadata',
      contentType: 'application/json',
      data,
      customMetadata: new Uint8Array(),
    });
    this.streams.set(metadataStream, [...(this.streams.get(metadataStream) ?? []), record]);
    for (const listener of this.listeners) listener();
    return { ok: true, position: record.position };
  }

  /** Hard delete: a `$streamDeleted` event ends the stream for good; reads and writes of it are refused from now on. */
  tombstone(streamId: string, expected: ExpectedRevision): DeleteOutcome {
    if (this.tombstoned.has(streamId)) return { ok: false, deleted: true };
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    if (!matches(expected, current)) return { ok: false, current };
    this.tombstoned.add(streamId);
    this.forget(streamId, stream);
    this.streams.delete(streamId);
    const record = this.write(streamId, TOMBSTONE_REVISION, {
      id: randomUUID(),
      type: '$streamDeleted',
      contentType: 'application/octet-stream',
      data: new Uint8Array(),
      customMetadata: new Uint8Array(),
    });
    for (const listener of this.listeners) listener();
    return { ok: true, position: record.position };
  }

  /** Stores one record at the end of `$all` (the caller files it in its stream). */
  private write(streamId: string, revision: bigint, p: ProposedRecord): StoredRecord {
    const record: StoredRecord = {
      ...p,
      streamId,
      revision,
      position: this.next,
      created: BigInt(Date.now()) * TICKS_PER_MS,
    };
    this.next += BigInt(64 + streamId.length + p.type.length + p.data.length + p.customMetadata.length);
    this.records.push(record);
    this.byId.set(`${streamId}/${p.id}`, record);
    return record;
  }

  /** A deleted stream's ids no longer make an append a repeat: writing them again recreates it. */
  private forget(streamId: string, stream: readonly StoredRecord[]): void {
    for (const record of stream) this.byId.delete(`${streamId}/${record.id}`);
    this.streams.set(streamId, []);
  }

  /**
   * EventStoreDB's idempotence: the same ids where the same expected revision put them succeed
   * again and write nothing ('any' and 'stream_exists': anywhere, in order — best effort); ids
   * already in the stream otherwise are a wrong expected version.
   */
  private repeatOf(
    streamId: string,
    expected: ExpectedRevision,
    proposed: readonly ProposedRecord[],
  ): AppendOutcome | 'conflict' | undefined {
    const found = proposed.map((p) => this.byId.get(`${streamId}/${p.id}`));
    if (!found.some((f) => f !== undefined)) return undefined;
    if (!found.every((f): f is StoredRecord => f !== undefined)) return 'conflict';
    const first = found[0].revision;
    if (!found.every((f, i) => f.revision === first + BigInt(i))) return 'conflict';
    const start = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : first;
    if (start !== first) return 'conflict';
    const last = found[found.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }
}

function matches(expected: ExpectedRevision, current: bigint | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current === expected;
}
