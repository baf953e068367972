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
  | { readonly ok: false; readonly current: bigint | null };

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
  private next: bigint;

  constructor(firstPosition: bigint) {
    this.next = firstPosition;
  }

  stream(streamId: string): readonly StoredRecord[] | undefined {
    return this.streams.get(streamId);
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

  append(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedRecord[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    const repeat = this.repeatOf(streamId, expected, proposed);
    if (repeat === 'conflict') return { ok: false, current };
    if (repeat) return repeat;
    if (!matches(expected, current)) return { ok: false, current };
    if (proposed.length === 0) return { ok: true, revision: current, position: null };
    const created = BigInt(Date.now()) * TICKS_PER_MS;
    let revision = current ?? -1n;
    for (const p of proposed) {
      const record: StoredRecord = { ...p, streamId, revision: ++revision, position: this.next, created };
      this.next += BigInt(64 + streamId.length + p.type.length + p.data.length + p.customMetadata.length);
      this.records.push(record);
      stream.push(record);
      this.byId.set(`${streamId}/${p.id}`, record);
    }
    this.streams.set(streamId, stream);
    for (const listener of this.listeners) listener();
    return { ok: true, revision, position: stream[stream.length - 1].position };
  }

  /**
   * EventStoreDB's idempotence: the same ids where the same expected revision put them succeed
   * again and write nothing ('any' and 'stream_exists': anywhere, in order — best effort); ids
   * already in the stream otherwise are a wrong expected version.
   */
  private repeatOf(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedRecord[]): AppendOutcome | 'conflict' | undefined {
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
