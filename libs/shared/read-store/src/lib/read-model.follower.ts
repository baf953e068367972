import type { EventStore } from '@sooc/event-sourcing';
import { loadCheckpoints } from './checkpoint.store';
import type { AnyProjection } from './projection.batch';
import type { CommittedChange } from './projection.runner';
import { READ_MODELS_CHANNEL, type NotificationListener } from './pg.listener';
import type { ReadDatabase, ReadDb } from './read-database';
import { reachedPosition } from './reached-position';
import { changesAfter, latestChangeSeq } from './read-model-changes.log';
import { SharedStoreProbe } from './shared-store.probe';
import { Signal } from '@sooc/timing';

export { DEFAULT_CHANGE_LOG_RETENTION_MS, type ChangeLogOptions, type LoggedChange } from './read-model-changes.log';

/** Read-your-writes must feel immediate: a mutation waits about half of this on average. */
export const DEFAULT_FOLLOWER_ACTIVE_POLL_MS = 25;
/** With nobody waiting or listening, only the status is kept fresh. */
export const DEFAULT_FOLLOWER_IDLE_POLL_MS = 500;
/** While PostgreSQL notifies each commit, the poll is only a safety net. */
export const DEFAULT_FOLLOWER_LISTENING_POLL_MS = 250;
const CHANGES_PER_READ = 500;

export interface ReadModelFollowerOptions {
  readonly store: EventStore;
  readonly db: ReadDb;
  /** The projections this process reads: a wait is over once all of them have the position. */
  readonly projections: readonly Pick<AnyProjection, 'name' | 'handles'>[];
  /** Poll interval while someone waits for a position or listens for changes. */
  readonly activePollMs?: number;
  readonly idlePollMs?: number;
  /**
   * The read database's LISTEN (PostgreSQL): the projector's batches NOTIFY at commit, so a
   * waiter wakes at once; polls then run at `listeningPollMs` as a safety net. Absent (SQLite):
   * the follower polls at `activePollMs`.
   */
  readonly listen?: ReadDatabase['listen'];
  readonly listeningPollMs?: number;
  readonly log?: { warn(message: string): void };
}

export interface FollowerStatus {
  readonly following: boolean;
  readonly head: bigint | null;
  /** Lowest checkpoint: every projection has everything up to here (null: some has nothing). */
  readonly processed: bigint | null;
  readonly checkpoints: Readonly<Record<string, bigint | null>>;
  /** False while some event of interest at or before `head` is not yet in the read models. */
  readonly upToDate: boolean;
  /** Why the last poll failed (the read database did not answer); null once one succeeds. */
  readonly failure: Error | null;
}

/**
 * The read side of a process that does not run the projections (a gateway beside apps/projector):
 * reads the checkpoints for read-your-writes and the change log (`read_model_changes`, written by
 * the projector's runner in the same transaction as the rows) for the subscriptions, so it offers
 * what a ProjectionRunner offers the API (ReadModelSync of @sooc/nest). One read serves every
 * waiter and listener. On PostgreSQL it reads when the projector's commit notifies it (LISTEN);
 * on SQLite, and as a safety net, it polls, often only while someone needs it.
 */
export class ReadModelFollower {
  private readonly names: readonly string[];
  private readonly eventTypes: readonly string[];
  private readonly activePollMs: number;
  private readonly idlePollMs: number;
  private readonly listeningPollMs: number;
  private listener: NotificationListener | null = null;
  /** A notification arrived since the last poll began: poll again at once. */
  private notified = false;
  private pollCount = 0;
  private checkpoints = new Map<string, bigint>();
  private seq = 0;
  private checkpointsReadAt = Number.NEGATIVE_INFINITY;
  private changesReadAt = Number.NEGATIVE_INFINITY;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private waiters = 0;
  private lastFailure: Error | null = null;
  private readonly probes: SharedStoreProbe;
  private readonly wake = new Signal();
  private readonly polled = new Signal();
  private readonly listeners = new Set<(change: CommittedChange) => void>();

  constructor(private readonly options: ReadModelFollowerOptions) {
    this.names = options.projections.map((p) => p.name);
    this.eventTypes = [...new Set(options.projections.flatMap((p) => [...p.handles] as string[]))];
    this.activePollMs = options.activePollMs ?? DEFAULT_FOLLOWER_ACTIVE_POLL_MS;
    this.idlePollMs = options.idlePollMs ?? DEFAULT_FOLLOWER_IDLE_POLL_MS;
    this.listeningPollMs = options.listeningPollMs ?? DEFAULT_FOLLOWER_LISTENING_POLL_MS;
    this.probes = new SharedStoreProbe(options.store, this.eventTypes);
  }

  /** Reads the checkpoints and where the change log ends (older changes are not replayed), then polls. */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    this.checkpoints = await loadCheckpoints(this.options.db, this.names);
    this.seq = await latestChangeSeq(this.options.db);
    this.lastFailure = null;
    if (this.options.listen) {
      this.listener = this.options.listen(
        READ_MODELS_CHANNEL,
        () => {
          this.notified = true;
          this.wake.fire();
        },
        { onError: (error) => this.options.log?.warn(`listening for read-model commits: ${String(error)}`) },
      );
      await this.listener.ready;
    }
    this.loop = this.follow().finally(() => (this.loop = null));
  }

  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.wake.fire();
    await loop;
    await this.listener?.close();
    this.listener = null;
  }

  onCommitted(listener: (change: CommittedChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once the read models include every event up to `position` that they handle (see
   * reached-position.ts), as the last poll of the checkpoints saw them; rejects after `timeoutMs`.
   */
  async waitForPosition(position: bigint, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // The first waiter should not sit out the poll interval: the checkpoints were only read
    // lately if someone was waiting (a notification read just the change log for the listeners).
    if (this.waiters++ === 0) {
      this.notified = true;
      this.wake.fire();
    }
    try {
      for (;;) {
        if (await this.probes.reached(this.lowestCheckpoint(), position)) return;
        const left = deadline - Date.now();
        if (left <= 0) {
          const lowest = this.lowestCheckpoint();
          const failure = this.lastFailure ? `; last poll failed: ${this.lastFailure.message}` : '';
          throw new Error(
            `Read models did not reach position ${position} within ${timeoutMs} ms (lowest checkpoint: ${lowest ?? 'none'}${failure})`,
          );
        }
        await this.polled.wait(left);
      }
    } finally {
      this.waiters--;
    }
  }

  async status(): Promise<FollowerStatus> {
    // Read afresh: the health check is also the proof that the read database answers.
    const checkpoints = await loadCheckpoints(this.options.db, this.names);
    const head = await this.options.store.headPosition();
    const lowest = lowestOf(this.names, checkpoints);
    return {
      following: this.loop !== null,
      head,
      processed: lowest,
      checkpoints: Object.fromEntries(this.names.map((n) => [n, checkpoints.get(n) ?? null])),
      upToDate: head === null || (await reachedPosition(this.options.store, this.eventTypes, lowest, head)),
      failure: this.lastFailure,
    };
  }

  /** Reads of the read database so far; each serves every waiter and listener at once. */
  get polls(): number {
    return this.pollCount;
  }

  private async follow(): Promise<void> {
    while (!this.stopping) {
      if (!this.notified) await this.wake.wait(this.pollInterval());
      this.notified = false;
      if (this.stopping) break;
      try {
        await this.poll();
        this.lastFailure = null;
        this.pollCount++;
      } catch (error) {
        // The database may come back; waiters time out meanwhile and name this failure.
        this.lastFailure = error instanceof Error ? error : new Error(String(error));
      }
      this.polled.fire();
    }
    this.polled.fire();
  }

  private pollInterval(): number {
    if (this.waiters === 0 && this.listeners.size === 0) return this.idlePollMs;
    return this.listener?.listening ? this.listeningPollMs : this.activePollMs;
  }

  /**
   * Each table only as often as someone needs it: the API's publishers listen for the life of
   * the process, so an idle gateway reads just the change log often, and the checkpoints (for
   * waiters) at the idle pace.
   */
  private async poll(): Promise<void> {
    const now = performance.now();
    if (this.waiters > 0 || now - this.checkpointsReadAt >= this.idlePollMs) {
      this.checkpointsReadAt = now;
      this.checkpoints = await loadCheckpoints(this.options.db, this.names);
    }
    if (this.listeners.size === 0 && now - this.changesReadAt < this.idlePollMs) return;
    this.changesReadAt = now;
    for (;;) {
      const changes = await changesAfter(this.options.db, this.seq, CHANGES_PER_READ);
      for (const { seq, ...change } of changes) {
        this.seq = seq;
        for (const listener of this.listeners) this.deliver(listener, change);
      }
      if (changes.length < CHANGES_PER_READ) return;
    }
  }

  private deliver(listener: (change: CommittedChange) => void, change: CommittedChange): void {
    try {
      listener(change);
    } catch (error) {
      // A subscriber's bug must not stop the others from hearing the change.
      this.options.log?.warn(`change of ${change.projection} @${change.position} not delivered: ${String(error)}`);
    }
  }

  private lowestCheckpoint(): bigint | null {
    return lowestOf(this.names, this.checkpoints);
  }
}

/** Null when some projection has no checkpoint yet (it has nothing). */
function lowestOf(names: readonly string[], checkpoints: ReadonlyMap<string, bigint>): bigint | null {
  let lowest: bigint | null = null;
  for (const name of names) {
    const checkpoint = checkpoints.get(name);
    if (checkpoint === undefined) return null;
    if (lowest === null || checkpoint < lowest) lowest = checkpoint;
  }
  return lowest;
}
