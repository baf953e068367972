import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from '@sooc/event-sourcing';
import { checkStreamId, prepareAppend } from './append-input';
import { CatchUpSubscription, type Batch } from './catch-up.subscription';
import { concurrencyError, matchesExpected, resolveRepeat, type StoredId } from './expected-revision';
import { checkPosition, limitOf, matchesFilter, normaliseFilter, subscriptionStart } from './read-options';
import { storeClosed } from './store-closed.error';
import { Signal } from '@sooc/timing';

export interface MemoryEventStoreOptions {
  readonly clock?: () => Date;
  readonly subscriptionBatchSize?: number;
}

/** Stored as JSON text, like SQLite, so both adapters hand back the same fresh objects. */
interface Row {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/** For tests and tools: the whole contract, nothing durable. Positions start at 1. */
export class MemoryEventStore implements EventStore {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly ids = new Map<string, Row>();
  private readonly wake = new Signal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  constructor(private readonly options: MemoryEventStoreOptions = {}) {}

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw storeClosed();
    const prepared = prepareAppend(streamId, events, options?.expectedRevision);
    const expected = options.expectedRevision;
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    const found: (StoredId | undefined)[] = prepared.map((e) => this.ids.get(e.id));
    if (found.some((f) => f !== undefined)) return resolveRepeat(streamId, expected, current, found);
    if (!matchesExpected(expected, current)) {
      throw concurrencyError(streamId, expected, current);
    }
    const recordedAt = (this.options.clock?.() ?? new Date()).toISOString();
    let revision = current ?? -1n;
    for (const e of prepared) {
      const row: Row = { ...e, streamId, revision: ++revision, position: BigInt(this.log.length + 1), recordedAt };
      this.log.push(row);
      stream.push(row);
      this.ids.set(row.id, row);
    }
    this.streams.set(streamId, stream);
    this.wake.fire();
    return { nextExpectedRevision: revision, position: BigInt(this.log.length) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    checkStreamId(streamId);
    checkPosition(options.from, 'from');
    const max = limitOf(options.max);
    const stream = this.streams.get(streamId) ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    const rows = backwards
      ? stream
          .filter(
            (r) =>
              from === 'end' || (from !== 'start' && r.revision <= from) || (from === 'start' && r.revision === 0n),
          )
          .reverse()
      : stream.filter((r) => from === 'start' || (from !== 'end' && r.revision >= from));
    return rows.slice(0, max).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllNow(options);
  }

  private readAllNow(options: ReadAllOptions): RecordedEvent[] {
    checkPosition(options.from, 'from');
    const max = limitOf(options.max);
    const filter = normaliseFilter(options.filter);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    const out: RecordedEvent[] = [];
    // Positions are index + 1, so the exclusive bound turns into an array index directly.
    if (backwards) {
      const start =
        from === 'end' ? this.log.length - 1 : from === 'start' ? -1 : Math.min(Number(from) - 2, this.log.length - 1);
      for (let i = start; i >= 0 && out.length < max; i--)
        if (matchesFilter(filter, this.log[i].streamId, this.log[i].type)) out.push(toRecorded(this.log[i]));
    } else {
      const start = from === 'start' ? 0 : from === 'end' ? this.log.length : Number(from);
      for (let i = start; i < this.log.length && out.length < max; i++)
        if (matchesFilter(filter, this.log[i].streamId, this.log[i].type)) out.push(toRecorded(this.log[i]));
    }
    return out;
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    if (this.closed) throw storeClosed();
    const after = subscriptionStart(options.from, 0n);
    const subscription = new CatchUpSubscription(
      { wake: this.wake, readBatch: (from, max, filter) => this.readBatch(from, max, filter) },
      { after, filter: normaliseFilter(options.filter), batchSize: this.options.subscriptionBatchSize ?? 500 },
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | null> {
    return this.log.length === 0 ? null : BigInt(this.log.length);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  /** Synchronous: an append landing between the read and `scannedTo` would otherwise be skipped. */
  private readBatch(after: bigint, max: number, filter: ReadAllOptions['filter']): Batch {
    const events = this.readAllNow({ from: after, max, filter });
    const scannedTo = events.length < max ? BigInt(this.log.length) : events[events.length - 1].position;
    return { events, scannedTo };
  }
}

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamId: row.streamId,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recordedAt,
  };
}
