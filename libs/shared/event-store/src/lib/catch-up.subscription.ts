import type { EventFilter, RecordedEvent, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';
import type { Signal } from '@sooc/timing';

export interface Batch {
  readonly events: readonly RecordedEvent[];
  /** The position the read looked at up to, so a filtered reader never rescans a skipped tail. */
  readonly scannedTo: bigint;
}

export interface CatchUpSource {
  readBatch(after: bigint, max: number, filter: EventFilter | undefined): Batch | Promise<Batch>;
  readonly wake: Signal;
  /** Other processes append without waking us: look again after this many ms (none: wait for a wake). */
  readonly pollMs?: number;
  /**
   * A number that changes whenever another process commits (SQLite's `PRAGMA data_version`): a
   * poll reads the store only when it changed, so an idle follower costs a pragma every `pollMs`,
   * not a read transaction. Without it every poll reads.
   */
  externalVersion?(): number;
}

const POLL = Symbol('poll');

export interface CatchUpOptions {
  readonly after: bigint;
  readonly filter?: EventFilter;
  readonly batchSize: number;
}

/**
 * Pulls one batch at a time, only when the consumer asks for more, so a slow consumer holds at
 * most one batch in memory however large the store is.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private readonly closing = new Promise<void>((resolve) => (this.stop = resolve));
  private stop!: () => void;
  private readonly iterator: AsyncGenerator<SubscriptionMessage, void, undefined>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly options: CatchUpOptions,
    private readonly onClose: (s: CatchUpSubscription) => void = () => undefined,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.iterator.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.onClose(this);
  }

  private async *run(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    const { batchSize, filter } = this.options;
    let after = this.options.after;
    let caughtUp = false;
    while (!this.closed) {
      const seen = this.source.wake.version;
      // Taken before the read: a commit elsewhere after it, even during the read, changes it.
      const version = this.source.externalVersion?.();
      const batch = await this.source.readBatch(after, batchSize, filter);
      for (const event of batch.events) {
        if (this.closed) return;
        yield { kind: 'event', event };
      }
      if (batch.scannedTo > after) after = batch.scannedTo;
      if (batch.events.length >= batchSize) {
        // A synchronous source (better-sqlite3) and a synchronous consumer form a promise chain
        // that never waits on I/O: without this, timers, sockets and SIGTERM starve until the
        // whole history is replayed.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        if (this.closed) return;
        yield { kind: 'caught-up' };
        continue;
      }
      await this.nextWake(seen, version);
    }
  }

  /** Until an append here wakes us, the subscription closes, or a poll finds another process committed. */
  private async nextWake(seen: number, version: number | undefined): Promise<void> {
    const wake = this.source.wake.listen(seen);
    const { pollMs } = this.source;
    try {
      for (;;) {
        const waits: Promise<unknown>[] = [wake.fired, this.closing];
        let timer: NodeJS.Timeout | undefined;
        if (pollMs !== undefined) waits.push(new Promise((resolve) => (timer = setTimeout(resolve, pollMs, POLL))));
        const why = await Promise.race(waits).finally(() => clearTimeout(timer));
        if (why !== POLL || this.closed || version === undefined) return;
        if (this.source.externalVersion?.() !== version) return;
      }
    } finally {
      wake.cancel();
    }
  }
}
