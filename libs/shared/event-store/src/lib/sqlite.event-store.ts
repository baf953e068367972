import type Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
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
import { checkPosition, limitOf, normaliseFilter, subscriptionStart } from './read-options';
import { busyPause, isBusy, retryWhileBusy } from './sqlite.busy';
import { appendOne, type AppendOutcome, type PendingAppend } from './sqlite.append-one';
import { openConnection, type SqliteSynchronous } from './sqlite.schema';
import { SqliteStatements, toRecorded, type EventRow } from './sqlite.statements';
import { SqliteStreamTails } from './sqlite.stream-tails';
import { storeClosed } from './store-closed.error';
import { Signal } from '@sooc/timing';

export interface SqliteEventStoreOptions {
  /** FULL (default) survives power loss; NORMAL may lose the last commits on power loss, never corrupts. */
  readonly synchronous?: SqliteSynchronous;
  /** How long a writer waits for another process's write lock before failing. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for appends made by other processes. Default 10 (one cheap indexed read). */
  readonly pollMs?: number;
  readonly subscriptionBatchSize?: number;
  readonly clock?: () => Date;
}

const MAX_INT64 = 9223372036854775807n;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are group-committed: every
 * append that arrives in the same event-loop turn is written in one transaction (one fsync),
 * in arrival order, each succeeding or failing on its own (see appendOne). Arrival order
 * per stream is the in-process serial queue: each append's expected-revision check sees the
 * appends to the same stream queued before it.
 */
export class SqliteEventStore implements EventStore {
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  private readonly statements: SqliteStatements;
  private readonly tails: SqliteStreamTails;
  private readonly wake = new Signal();
  private readonly subscriptions = new Set<CatchUpSubscription>();

  private constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.statements = new SqliteStatements(db);
    this.tails = new SqliteStreamTails(() => this.statements.dataVersion.get() as number);
  }

  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = openConnection(file, {
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
    return new SqliteEventStore(db, options);
  }

  append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    try {
      if (this.closed) throw storeClosed();
      const prepared = prepareAppend(streamId, events, options?.expectedRevision);
      return new Promise((resolve, reject) => {
        this.pending.push({
          streamId,
          events: prepared,
          expected: options.expectedRevision,
          queuedAt: Date.now(),
          resolve,
          reject,
        });
        this.schedule(0);
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    checkStreamId(streamId);
    checkPosition(options.from, 'from');
    const backwards = options.direction === 'backwards';
    const max = limitOf(options.max);
    const from = options.from ?? (backwards ? 'end' : 'start');
    const rows = await (backwards || from === 'end'
      ? this.query(() => this.statements.readStream(streamId, from, backwards, max))
      : this.read(() => this.readForwards(streamId, from, max)));
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    checkPosition(options.from, 'from');
    const max = limitOf(options.max);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    if ((backwards && from === 'start') || (!backwards && from === 'end')) return [];
    const after = from === 'start' ? -1n : from === 'end' ? MAX_INT64 : from;
    const filter = normaliseFilter(options.filter);
    return (await this.query(() => this.statements.readAll(after, backwards, max, filter))).map(toRecorded);
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    if (this.closed) throw storeClosed();
    const after = subscriptionStart(options.from, -1n);
    const subscription = new CatchUpSubscription(
      {
        wake: this.wake,
        pollMs: this.options.pollMs ?? 10,
        // Another connection's commit (another process) changes it; this one's appends wake the subscription instead.
        externalVersion: () => (this.closed ? -1 : (this.statements.dataVersion.get() as number)),
        readBatch: (from, max, filter) => this.query(() => this.readBatch(from, max, filter)),
      },
      { after, filter: normaliseFilter(options.filter), batchSize: this.options.subscriptionBatchSize ?? 500 },
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | null> {
    return this.query(() => this.statements.head.get()?.p ?? null);
  }

  /**
   * Maintenance, not a write path: replaces the data and metadata of stored events of these types
   * where `rewrite` says so (ids, streams, revisions, positions and order stay), leaving no old
   * bytes behind (secure_delete, VACUUM, then a TRUNCATE checkpoint). For erasing personal data written
   * before it was sealed (docs/ARCHITECTURE.md, "Compliance"); run before anything reads the store.
   * Returns how many events changed.
   */
  async rewriteEvents(
    /** Event type → schema version: only events of these types stored below it are read. */
    below: Readonly<Record<string, number>>,
    rewrite: (event: RecordedEvent) => Promise<Pick<EventToAppend, 'data' | 'metadata'> | null>,
    pageSize = 1_000,
  ): Promise<number> {
    if (this.closed) throw storeClosed();
    const select = this.db
      .prepare<[string, bigint, number], EventRow>(
        // A start on a store that is current reads nothing but the version of each such event.
        `SELECT e.* FROM json_each(?) AS v JOIN events AS e ON e.type = v.key
         WHERE e.position > ? AND json_extract(e.metadata, '$.schemaVersion') < v.value
         ORDER BY e.position LIMIT ?`,
      )
      .safeIntegers(true);
    const update = this.db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
    this.db.pragma('secure_delete = ON');
    let changed = 0;
    for (let after = 0n; ;) {
      const rows = select.all(JSON.stringify(below), after, pageSize);
      if (rows.length === 0) break;
      const rewrites: [string, string, bigint][] = [];
      for (const row of rows) {
        const next = await rewrite(toRecorded(row));
        if (next) rewrites.push([JSON.stringify(next.data), JSON.stringify(next.metadata), row.position]);
      }
      this.db.transaction(() => rewrites.forEach((r) => update.run(...r)))();
      changed += rewrites.length;
      after = rows[rows.length - 1].position;
    }
    if (changed > 0) {
      // Free space written before secure_delete was on (page splits, moved cells) may still hold
      // old copies: VACUUM writes the file anew from the live rows alone.
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return changed;
  }

  /** Refuses new appends, lets the queued ones commit, ends subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.tails.clear();
    this.db.close();
  }

  /** setImmediate: every append of the current event-loop turn joins the batch. */
  private schedule(delayMs: number): void {
    if (this.flushing) return;
    this.flushing = new Promise((done) => {
      const run = () => {
        this.flushing = null;
        this.flush();
        done();
      };
      if (delayMs > 0) setTimeout(run, delayMs);
      else setImmediate(run);
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.tails.queried();
      this.statements.begin.run();
    } catch (error) {
      if (isBusy(error)) return this.retryLater(batch, error);
      for (const append of batch) append.reject(error);
      return;
    }
    let outcomes: AppendOutcome[];
    try {
      try {
        const recordedAt = (this.options.clock?.() ?? new Date()).toISOString();
        outcomes = batch.map((append) => appendOne(this.statements, append, recordedAt));
        // A batch that wrote nothing (conflicts, repeats) has nothing to make durable: skip the fsync.
        if (outcomes.some((o) => o.ok && o.wrote)) this.statements.commit.run();
        else this.db.exec('ROLLBACK');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    for (const [i, append] of batch.entries()) {
      const outcome = outcomes[i];
      if (outcome.ok && outcome.wrote) this.tails.committed(append.streamId, outcome.before, outcome.rows);
    }
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok && o.wrote)) this.wake.fire();
  }

  /** Another process holds the write lock: try again in a few ms, until busyTimeoutMs is spent. */
  private retryLater(batch: PendingAppend[], error: unknown): void {
    const giveUpBefore = Date.now() - (this.options.busyTimeoutMs ?? 5000);
    const waiting = batch.filter((append) => append.queuedAt > giveUpBefore);
    for (const append of batch) if (append.queuedAt <= giveUpBefore) append.reject(error);
    this.pending = [...waiting, ...this.pending];
    if (this.pending.length > 0) this.schedule(busyPause());
  }

  private read<T>(query: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeClosed());
    return retryWhileBusy(query, this.options.busyTimeoutMs ?? 5000);
  }

  /** A query that may see other connections' commits: the stream tails look at data_version again after it. */
  private query<T>(run: () => T): Promise<T> {
    return this.read(() => {
      this.tails.queried();
      return run();
    });
  }

  /**
   * The end of a stream this connection wrote or read is answered from memory (see
   * SqliteStreamTails); a query's answer is recorded in the same synchronous step, so no commit
   * of this store can slip in between.
   */
  private readForwards(streamId: string, from: bigint | 'start', max: number): EventRow[] {
    const start = from === 'start' ? 0n : from;
    const known = this.tails.read(streamId, start, max);
    if (known) return known;
    this.tails.queried();
    const rows = this.statements.readStream(streamId, start, false, max);
    if (rows.length < max) this.tails.readToEnd(streamId, start, rows);
    return rows;
  }

  /** One snapshot for both queries, so `scannedTo` never runs ahead of what the batch saw. */
  private readBatch(after: bigint, max: number, filter: ReadAllOptions['filter']): Batch {
    return this.db.transaction((): Batch => {
      const rows = this.statements.readAll(after, false, max, filter);
      const head = this.statements.head.get()?.p ?? after;
      const scannedTo = rows.length < max ? head : rows[rows.length - 1].position;
      return { events: rows.map(toRecorded), scannedTo };
    })();
  }
}
