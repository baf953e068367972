import {
  isStorageFull,
  unavailableStore,
  type EventStore,
  type ProjectionRow,
  type RecordedEvent,
  type Subscription,
} from '@sooc/event-sourcing';
import { errorMessage } from '@sooc/util';
import { advanceCheckpoints, CheckpointMovedError, deleteCheckpoints, loadCheckpoints } from './checkpoint.store';
import { applyProjectionBatch, type AnyProjection } from './projection.batch';
import { ProjectionFailure } from './projection.failure';
import type { ReadDb } from './read-database';
import { isReached, probeStore, reachedPosition, type StoreProbe } from './reached-position';
import { ChangeLogWriter, type ChangeLogOptions } from './read-model-changes.log';
import { RowCache } from './row.cache';
import { RowStatements } from './row.statements';
import { Signal } from '@sooc/timing';
import { readInBatches } from './subscription.batches';
import { inProjectionBatchSpan } from './projection-batch.trace';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: ReadDb;
  readonly projections: readonly AnyProjection[];
  /** Most events folded per transaction (default 1000); fewer when the subscription goes idle. */
  readonly batchSize?: number;
  /** Rows kept in memory per projection between batches (default 10,000; 0 turns it off). */
  readonly rowCacheSize?: number;
  /**
   * Also writes each commit's changes to `read_model_changes`, in the same transaction, for the
   * processes that follow the read models without running them (ReadModelFollower). Only the
   * projector's runner may: the log needs one writer at a time (see read-model-changes.log.ts).
   */
  readonly changeLog?: boolean | ChangeLogOptions;
  /**
   * Runs last in every batch transaction; a throw rolls the batch back and fails the runner.
   * A leased worker passes its lease's fence, so it cannot commit once another instance holds it.
   */
  readonly fence?: (trx: ReadDb) => Promise<void>;
}

/** Sent after each commit, once per projection whose rows changed. */
export interface CommittedChange {
  readonly projection: string;
  readonly keys: readonly string[];
  readonly position: bigint;
}

export interface RunnerStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  readonly head: bigint | null;
  /** Lowest checkpoint: every projection has everything up to here (null: some has nothing). */
  readonly processed: bigint | null;
  readonly checkpoints: Readonly<Record<string, bigint | null>>;
  /** False while some event of interest at or before `head` is not yet in the read models. */
  readonly upToDate: boolean;
  readonly failure: ProjectionFailure | null;
  /** A store is out of reach: the runner waits and resumes from its checkpoints (null when it is not waiting). */
  readonly waitingFor: string | null;
}

/** Between attempts to resume after a store outage: short at first, then every few seconds. */
const OUTAGE_BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/**
 * Follows `$all` from the lowest checkpoint of its projections and writes each batch — rows and
 * checkpoints of every projection — in one transaction, so a replay or a crash never applies an
 * event twice or loses one. Stops on the first failure instead of skipping an event.
 */
export class ProjectionRunner {
  private readonly projections: readonly AnyProjection[];
  private readonly handles: Map<string, ReadonlySet<string>>;
  private readonly eventTypes: string[];
  private readonly batchSize: number;
  /** The store probe in flight, shared by the waiters that ask while it runs. */
  private probe: { readonly lowest: bigint | null; readonly result: Promise<StoreProbe> } | null = null;
  private readonly statements: RowStatements;
  private readonly changeLog: ChangeLogWriter | null;
  private readonly caches: Map<string, RowCache>;
  private checkpoints = new Map<string, bigint>();
  private loop: Promise<void> | null = null;
  private stopping = false;
  private caughtUp = false;
  private lastFailure: ProjectionFailure | null = null;
  private outage: string | null = null;
  private readonly stopSignal = new Signal();
  private readonly commitSignal = new Signal();
  private readonly committedListeners = new Set<(change: CommittedChange) => void>();
  private readonly batchListeners = new Set<(events: readonly RecordedEvent[]) => void>();
  private readonly errorListeners = new Set<(error: ProjectionFailure) => void>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = options.projections.map((p) => p.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) throw new Error(`Two projections are named "${duplicate}": checkpoints are stored by name`);
    this.projections = options.projections;
    this.handles = new Map(this.projections.map((p) => [p.name, new Set<string>(p.handles)]));
    this.eventTypes = [...new Set(this.projections.flatMap((p) => [...p.handles] as string[]))];
    this.batchSize = options.batchSize ?? 1_000;
    this.statements = new RowStatements(options.db);
    this.caches = new Map(this.projections.map((p) => [p.name, new RowCache(options.rowCacheSize ?? 10_000)]));
    this.changeLog = options.changeLog
      ? new ChangeLogWriter(options.changeLog === true ? {} : options.changeLog)
      : null;
  }

  get failure(): ProjectionFailure | null {
    return this.lastFailure;
  }

  /** Resolves once the subscription is open; events are processed in the background. */
  start(): Promise<void> {
    return this.begin(new Set());
  }

  /** `emptied`: projections whose tables were just wiped, so their row caches know every row. */
  private async begin(emptied: ReadonlySet<string>): Promise<void> {
    if (this.loop) return;
    // Another process may have written the tables while we were stopped.
    for (const [name, cache] of this.caches) {
      if (emptied.has(name)) cache.reset();
      else cache.forget();
    }
    this.lastFailure = null;
    this.outage = null;
    this.stopping = false;
    this.caughtUp = false;
    this.checkpoints = await loadCheckpoints(
      this.options.db,
      this.projections.map((p) => p.name),
    );
    const from = this.lowestCheckpoint();
    const subscription = this.options.store.subscribeAll({
      from: from ?? 'start',
      filter: { eventTypes: this.eventTypes },
    });
    this.loop = this.run(subscription).finally(() => (this.loop = null));
  }

  /**
   * Follows until stopped or failed. When a store goes out of reach (the event store's
   * subscription ends, or the read database refuses a batch) the batch in hand was not committed:
   * the runner waits, reloads its checkpoints and subscribes again from them, for as long as it
   * takes, without a failure and without a restart of the process.
   */
  private async run(first: Subscription): Promise<void> {
    let subscription: Subscription | null = first;
    for (let attempt = 0; ; attempt++) {
      if (subscription) {
        if (!(await this.follow(subscription)) || this.stopping) return;
        attempt = 0;
      }
      subscription = null;
      if (!(await this.stopSignal.sleep(OUTAGE_BACKOFF_MS[Math.min(attempt, OUTAGE_BACKOFF_MS.length - 1)]))) return;
      if (this.stopping) return;
      try {
        this.checkpoints = await loadCheckpoints(
          this.options.db,
          this.projections.map((p) => p.name),
        );
        const from = this.lowestCheckpoint();
        subscription = this.options.store.subscribeAll({
          from: from ?? 'start',
          filter: { eventTypes: this.eventTypes },
        });
        this.outage = null;
      } catch (error) {
        const store = isStorageFull(error) ? 'disk (full)' : unavailableStore(error);
        if (!store) {
          this.fail(error);
          return;
        }
        this.outage = `${store} unavailable: ${errorMessage(error)}`;
      }
    }
  }

  private fail(error: unknown): void {
    this.lastFailure = error instanceof ProjectionFailure ? error : new ProjectionFailure('(runner)', null, error);
    for (const cache of this.caches.values()) cache.forget();
    for (const listener of this.errorListeners) listener(this.lastFailure);
  }

  /** Graceful: commits the events already received (rows and checkpoint), then resolves. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.stopSignal.fire();
    await loop;
  }

  onCommitted(listener: (change: CommittedChange) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Hears every batch once its transaction committed: the events it held, visible to readers from now on. */
  onBatchCommitted(listener: (events: readonly RecordedEvent[]) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  onError(listener: (error: ProjectionFailure) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /**
   * Resolves once the read models include every event up to `position` that they handle (see
   * reached-position.ts); rejects after `timeoutMs`, or at once if the runner has failed.
   */
  async waitForPosition(position: bigint, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.lastFailure) throw this.lastFailure;
      if (await this.reached(position)) return;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `Read models did not reach position ${position} within ${timeoutMs} ms (lowest checkpoint: ${this.lowestCheckpoint() ?? 'none'})`,
        );
      }
      // Commits wake us; the short poll covers a store that gains events while we are idle.
      await this.commitSignal.wait(Math.min(left, 250));
    }
  }

  /**
   * Drops the rows and checkpoints of the named projections (default: all) and replays them to
   * the store's current head. The others skip what they already have. Readers see the tables
   * fill up again meanwhile. Leaves the runner running only if it was.
   */
  async rebuild(names?: readonly string[], timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    const unknown = names?.filter((n) => !this.handles.has(n)) ?? [];
    if (unknown.length > 0) throw new Error(`Unknown projection(s): ${unknown.join(', ')}`);
    const targets = this.projections.filter((p) => !names || names.includes(p.name));
    const wasRunning = this.loop !== null;
    await this.stop();
    await this.options.db.transaction().execute(async (trx) => {
      for (const p of targets) await trx.deleteFrom(p.table).execute();
      await deleteCheckpoints(
        trx,
        targets.map((p) => p.name),
      );
    });
    const head = await this.options.store.headPosition();
    await this.begin(new Set(targets.map((p) => p.name)));
    try {
      if (head !== null) await this.waitForPosition(head, timeoutMs);
    } finally {
      if (!wasRunning) await this.stop();
    }
  }

  /**
   * While replaying history the checkpoints will get there by themselves; asking the store
   * after every batch would cost a query per batch for nothing.
   */
  private async reached(position: bigint): Promise<boolean> {
    const lowest = this.lowestCheckpoint();
    if (lowest !== null && lowest >= position) return true;
    if (this.loop !== null && !this.caughtUp) return false;
    // Every waiter wakes on the same commit: a burst of 1,000 mutations waiting for their writes
    // shares one look at the store instead of making two queries each.
    let probe = this.probe;
    if (probe?.lowest !== lowest) {
      const started = { lowest, result: probeStore(this.options.store, this.eventTypes, lowest) };
      const forget = () => {
        if (this.probe === started) this.probe = null;
      };
      started.result.then(forget, forget);
      this.probe = probe = started;
    }
    return isReached(await probe.result, position);
  }

  async status(): Promise<RunnerStatus> {
    const head = await this.options.store.headPosition();
    const lowest = this.lowestCheckpoint();
    return {
      running: this.loop !== null,
      caughtUp: this.caughtUp,
      head,
      processed: lowest,
      checkpoints: Object.fromEntries(this.projections.map((p) => [p.name, this.checkpoints.get(p.name) ?? null])),
      upToDate: head === null || (await reachedPosition(this.options.store, this.eventTypes, lowest, head)),
      failure: this.lastFailure,
      waitingFor: this.outage,
    };
  }

  /** True when it ended on a store outage (the caller resumes), false when stopped or failed. */
  private async follow(subscription: Subscription): Promise<boolean> {
    const sink = {
      commit: (batch: readonly RecordedEvent[]) => this.commit(batch),
      caughtUp: () => {
        this.caughtUp = true;
        this.commitSignal.fire();
      },
    };
    try {
      await readInBatches(subscription, sink, {
        batchSize: this.batchSize,
        stop: this.stopSignal,
        stopping: () => this.stopping,
      });
      return false;
    } catch (error) {
      const cause = error instanceof ProjectionFailure ? error.cause : error;
      const store = this.stopping ? null : isStorageFull(cause) ? 'disk (full)' : unavailableStore(cause);
      if (!store) {
        this.fail(error);
        return false;
      }
      // The batch in hand was rolled back: rows cached for it may not be in the tables.
      for (const cache of this.caches.values()) cache.forget();
      this.outage = `${store} unavailable: ${errorMessage(cause)}`;
      this.caughtUp = false;
      return true;
    } finally {
      await subscription.close().catch(() => undefined);
      this.commitSignal.fire();
    }
  }

  private async commit(batch: readonly RecordedEvent[]): Promise<void> {
    const position = batch[batch.length - 1].position;
    const changes: CommittedChange[] = [];
    const touched = new Map<string, ReadonlyMap<string, ProjectionRow | null>>();
    const advanced = new Map<string, bigint | null>();
    for (const p of this.projections) {
      const from = this.checkpoints.get(p.name) ?? null;
      if (from === null || position > from) advanced.set(p.name, from);
    }
    await inProjectionBatchSpan(batch, () =>
      this.options.db.transaction().execute(async (trx) => {
        for (const projection of this.projections) {
          const checkpoint = this.checkpoints.get(projection.name) ?? -1n;
          const handles = this.handles.get(projection.name) ?? new Set<string>();
          const events = batch.filter((e) => e.position > checkpoint && handles.has(e.type));
          if (events.length === 0) continue;
          const cache = this.caches.get(projection.name) as RowCache;
          const result = await applyProjectionBatch(trx, this.statements, cache, projection, events).catch(
            (error: unknown) => {
              throw error instanceof ProjectionFailure ? error : new ProjectionFailure(projection.name, null, error);
            },
          );
          touched.set(projection.name, result.rows);
          if (result.changed.length > 0) changes.push({ projection: projection.name, keys: result.changed, position });
        }
        await advanceCheckpoints(trx, advanced, position).catch((error: unknown) => {
          throw new ProjectionFailure(
            error instanceof CheckpointMovedError ? error.projection : '(checkpoints)',
            null,
            error,
          );
        });
        // After the checkpoints: their rows are this batch's lock, which keeps the log in commit order.
        await this.changeLog?.append(trx, changes).catch((error: unknown) => {
          throw new ProjectionFailure('(change log)', null, error);
        });
        await this.options.fence?.(trx).catch((error: unknown) => {
          throw new ProjectionFailure('(lease)', null, error);
        });
      }),
    );
    for (const name of advanced.keys()) this.checkpoints.set(name, position);
    for (const [name, rows] of touched) this.caches.get(name)?.remember(rows);
    for (const change of changes) for (const listener of this.committedListeners) this.deliver(listener, change);
    for (const listener of this.batchListeners) {
      try {
        listener(batch);
      } catch (error) {
        const failure = new ProjectionFailure('(batch listener)', null, error);
        for (const onError of this.errorListeners) onError(failure);
      }
    }
    this.commitSignal.fire();
  }

  private deliver(listener: (change: CommittedChange) => void, change: CommittedChange): void {
    try {
      listener(change);
    } catch (error) {
      // A subscriber's bug must not stop the read models; it is reported, not swallowed.
      const failure = new ProjectionFailure(change.projection, null, error);
      for (const onError of this.errorListeners) onError(failure);
    }
  }

  /** Lowest checkpoint, or null when some projection has none (it starts from the beginning). */
  private lowestCheckpoint(): bigint | null {
    let lowest: bigint | null = null;
    for (const p of this.projections) {
      const checkpoint = this.checkpoints.get(p.name);
      if (checkpoint === undefined) return null;
      if (lowest === null || checkpoint < lowest) lowest = checkpoint;
    }
    return lowest;
  }
}
