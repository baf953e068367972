import type { EventStore, SubscribeAllOptions, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';
import { FollowerSubscription, START } from './follower.subscription';

/** Messages queued per consumer before the reader waits for it: above a runner's batch of 1,000. */
export const DEFAULT_FOLLOWER_BUFFER = 2_000;

export interface EventFollowerOptions {
  /** Most messages queued for one consumer (default 2,000): what a slow consumer may hold in memory. */
  readonly bufferSize?: number;
}

/**
 * The one reader of `$all` in a process. Every consumer — the projection runners, the reactor's
 * reactions, a partner feed — subscribes through it as it would through the store, from its own
 * checkpoint and with its own filter, and gets a catch-up subscription of its own
 * (FollowerSubscription); the follower keeps one store subscription open for all of them, from
 * the lowest position any of them needs and with the union of their event types.
 *
 * Adding a consumer: call `follower.subscribeAll({ from: checkpoint, filter })` (or hand
 * `follower.store` to something that takes an EventStore, such as a ProjectionRunner) and read it
 * like any subscription; close it to detach. Nothing else to register.
 *
 * - A consumer that attaches reopens the store subscription from the lowest position of all (it
 *   may be behind: a worker that just took its lease); the others skip what they were already
 *   offered, so nobody sees an event twice, and each gets one caught-up after its history.
 * - A consumer that closes (stopped, failed, lease lost) leaves the others reading.
 * - A store failure ends every attached consumer's subscription with the error, as each one's own
 *   subscription would have; what each does with it (the runner stops, the reactor resubscribes)
 *   is unchanged.
 * - Each consumer has a bounded queue; the reader waits while one is full.
 * Wake-ups are the store's: an append through the same store object wakes its subscription at
 * once (SQLite, memory); EventStoreDB pushes; SQLite polls for other processes' appends.
 */
export class EventFollower {
  /** The store, except that subscriptions to `$all` are served by this follower. */
  readonly store: EventStore;
  private readonly bufferSize: number;
  private readonly attached = new Set<FollowerSubscription>();
  /** Attached while a reopen is pending: they join when the store subscription reopens. */
  private readonly joining = new Set<FollowerSubscription>();
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private reopen = false;
  private closed = false;
  private opened = 0;

  constructor(
    private readonly source: EventStore,
    options: EventFollowerOptions = {},
  ) {
    this.bufferSize = options.bufferSize ?? DEFAULT_FOLLOWER_BUFFER;
    this.store = {
      append: (...args) => source.append(...args),
      readStream: (...args) => source.readStream(...args),
      readAll: (...args) => source.readAll(...args),
      headPosition: () => source.headPosition(),
      close: () => source.close(),
      subscribeAll: (options) => this.subscribeAll(options),
    };
  }

  /** Consumers attached now. */
  get consumers(): number {
    return this.attached.size + this.joining.size;
  }

  /** Store subscriptions opened so far (each attach reopens one; only one is ever open at a time). */
  get subscriptionsOpened(): number {
    return this.opened;
  }

  subscribeAll(options: SubscribeAllOptions = {}): FollowerSubscription {
    if (this.closed) throw new Error('the event follower is closed');
    const consumer = new FollowerSubscription(options.from, options.filter, this.bufferSize, (c) => this.detach(c));
    this.joining.add(consumer);
    this.reopen = true;
    void this.subscription?.close();
    this.ensureRunning();
    return consumer;
  }

  /** Detaches every consumer (their subscriptions end) and closes the store subscription. */
  async close(): Promise<void> {
    this.closed = true;
    for (const consumer of [...this.attached, ...this.joining]) consumer.end();
    this.attached.clear();
    this.joining.clear();
    await this.subscription?.close();
    await this.loop;
  }

  private detach(consumer: FollowerSubscription): void {
    this.attached.delete(consumer);
    this.joining.delete(consumer);
    if (this.consumers === 0) void this.subscription?.close();
  }

  private ensureRunning(): void {
    if (this.loop || this.closed) return;
    this.loop = this.run().finally(() => {
      this.loop = null;
      // A consumer may have attached while the last pass was winding down.
      if (this.consumers > 0) this.ensureRunning();
    });
  }

  private async run(): Promise<void> {
    while (!this.closed && this.consumers > 0) {
      for (const consumer of this.joining) this.attached.add(consumer);
      this.joining.clear();
      this.reopen = false;
      await this.follow();
    }
  }

  /** One store subscription, until a consumer attaches (reopen), all detach, or it ends or fails. */
  private async follow(): Promise<void> {
    // START sorts below every position, so the lowest is where the furthest-behind consumer is.
    let from: bigint | null = null;
    for (const consumer of this.attached) if (from === null || consumer.after < from) from = consumer.after;
    let subscription: Subscription | null = null;
    try {
      const eventTypes = this.unionOfTypes();
      subscription = this.source.subscribeAll({
        from: from === null || from === START ? 'start' : from,
        ...(eventTypes ? { filter: { eventTypes } } : {}),
      });
      this.opened++;
      this.subscription = subscription;
      // A consumer may have attached or gone while subscribeAll ran (it may be asynchronous).
      if (this.reopen || this.attached.size === 0) return;
      for await (const message of subscription) {
        await this.dispatch(message);
        if (this.reopen || this.closed || this.attached.size === 0) return;
      }
      // Closed for a reopen, or by the store (closing): then the consumers' own would have ended too.
      if (this.reopen) return;
      for (const consumer of this.attached) consumer.end();
      this.attached.clear();
    } catch (error) {
      if (this.reopen || this.closed) return;
      for (const consumer of this.attached) consumer.fail(error);
      this.attached.clear();
    } finally {
      this.subscription = null;
      await subscription?.close().catch(() => undefined);
    }
  }

  private async dispatch(message: SubscriptionMessage): Promise<void> {
    if (message.kind === 'caught-up') {
      for (const consumer of [...this.attached]) if (!consumer.caughtUpSent) await consumer.push(message);
      return;
    }
    const { event } = message;
    for (const consumer of [...this.attached]) {
      if (consumer.isClosed) continue;
      if (consumer.wants(event)) await consumer.push(message);
      // Offered, delivered or not: a reopen from here must not show it again.
      if (event.position > consumer.after) consumer.after = event.position;
    }
  }

  /** The store-side filter: the union of the consumers' types, or none if one reads every type. */
  private unionOfTypes(): string[] | null {
    const union = new Set<string>();
    for (const consumer of this.attached) {
      const types = consumer.eventTypes;
      if (types === null) return null;
      for (const type of types) union.add(type);
    }
    return [...union];
  }
}
