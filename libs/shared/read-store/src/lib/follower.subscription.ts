import {
  categoryOf,
  type EventFilter,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@sooc/event-sourcing';
import { Signal } from '@sooc/timing';

/** `from: 'start'` as a number below every position (positions are ≥ 0 on every adapter). */
export const START = -1n;

const DONE: IteratorResult<SubscriptionMessage> = { done: true, value: undefined };

/**
 * One consumer's view of the shared reader of `$all` (EventFollower): a catch-up subscription of
 * its own — events past its own position that pass its own filter, then one caught-up — fed by the
 * follower through a bounded queue. The follower waits while the queue is full, so a slow consumer
 * bounds the memory held for it (and slows the reader) instead of letting events pile up.
 */
export class FollowerSubscription implements Subscription {
  /** The last position this consumer was offered (delivered or filtered out): it never sees one twice. */
  after: bigint;
  caughtUpSent = false;
  private readonly types: ReadonlySet<string> | null;
  private readonly categories: ReadonlySet<string> | null;
  private queue: SubscriptionMessage[] = [];
  private failure: { readonly error: unknown } | null = null;
  private ended = false;
  private closed = false;
  private readonly readable = new Signal();
  private readonly room = new Signal();

  constructor(
    from: bigint | 'start' | undefined,
    filter: EventFilter | undefined,
    private readonly capacity: number,
    private readonly onClose: (subscription: FollowerSubscription) => void,
  ) {
    this.after = from === undefined || from === 'start' ? START : from;
    // Empty lists mean "no restriction", as they do for the stores.
    this.types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : null;
    this.categories = filter?.categories?.length ? new Set(filter.categories) : null;
  }

  /** The event types this consumer reads, or null when it reads every type (or filters by category). */
  get eventTypes(): ReadonlySet<string> | null {
    return this.categories ? null : this.types;
  }

  /** Messages queued and not yet read: never more than the follower's buffer size. */
  get buffered(): number {
    return this.queue.length;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  wants(event: RecordedEvent): boolean {
    if (event.position <= this.after) return false;
    if (this.types && !this.types.has(event.type)) return false;
    return !this.categories || this.categories.has(categoryOf(event.streamId));
  }

  /** Queues a message, waiting while the queue is full; drops it if the consumer closed or was ended. */
  async push(message: SubscriptionMessage): Promise<void> {
    while (this.queue.length >= this.capacity && !this.finished) await this.room.listen().fired;
    if (this.finished) return;
    this.queue.push(message);
    if (message.kind === 'caught-up') this.caughtUpSent = true;
    this.readable.fire();
  }

  /** The shared reader failed: the consumer sees the error after what is already queued. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.readable.fire();
    this.room.fire();
  }

  /** The shared reader's store ended the subscription (it was closed): so does this one. */
  end(): void {
    this.ended = true;
    this.readable.fire();
    this.room.fire();
  }

  /** Nothing more will be queued: a push waiting for room gives up (the follower is not held up). */
  private get finished(): boolean {
    return this.closed || this.ended || this.failure !== null;
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return DONE;
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.readable.fire();
    this.room.fire();
    this.onClose(this);
  }

  private async next(): Promise<IteratorResult<SubscriptionMessage>> {
    for (;;) {
      if (this.closed) return DONE;
      const message = this.queue.shift();
      if (message) {
        this.room.fire();
        return { done: false, value: message };
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return DONE;
      await this.readable.listen().fired;
    }
  }
}
