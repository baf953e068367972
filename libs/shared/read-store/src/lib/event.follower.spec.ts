import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent, Subscription } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { tableOf } from '../testing/rows.testing';
import { append, counted, exploded, noted, runnerFixture, type RunnerFixture } from '../testing/runner.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { countSubscriptions, type SubscriptionCounter } from '../testing/subscription.counter';
import { EventFollower } from './event.follower';
import type { ProjectionFailure } from './projection.failure';
import { ProjectionRunner } from './projection.runner';

/** Reads a subscription in the background, keeping what it delivers. */
class Reader {
  readonly events: RecordedEvent[] = [];
  caughtUp = 0;
  done: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(readonly subscription: Subscription) {
    this.done = (async () => {
      for await (const message of subscription) {
        if (message.kind === 'caught-up') this.caughtUp++;
        else this.events.push(message.event);
        for (const wake of this.waiters.splice(0)) wake();
      }
    })();
  }

  positions(): bigint[] {
    return this.events.map((e) => e.position);
  }

  /** Resolves once `count` events arrived (the jest timeout says if they never do). */
  async received(count: number): Promise<void> {
    while (this.events.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

describe('EventFollower (one reader of $all per process) on a SQLite event store', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let counter: SubscriptionCounter;
  let follower: EventFollower;
  let fx: RunnerFixture;
  const readers: Reader[] = [];
  const runners: ProjectionRunner[] = [];
  const read = (subscription: Subscription): Reader => {
    const reader = new Reader(subscription);
    readers.push(reader);
    return reader;
  };
  const runner = (projections: ConstructorParameters<typeof ProjectionRunner>[0]['projections']) => {
    const r = new ProjectionRunner({ store: follower.store, db: fx.read.db, projections });
    runners.push(r);
    return r;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-follower-'));
    // Other processes' appends are polled for; an hour means only an in-process wake-up can deliver.
    sqlite = SqliteEventStore.open(join(dir, 'events.db'), { pollMs: 3_600_000 });
    counter = countSubscriptions(sqlite);
    follower = new EventFollower(counter.store, { bufferSize: 5 });
    fx = await runnerFixture('sqlite');
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    for (const reader of readers.splice(0)) await reader.subscription.close();
    await follower.close();
    await fx.dispose();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('feeds two projection runners and a third consumer from one store subscription', async () => {
    await append(sqlite, 'count-a', [counted(2), noted(), counted(3)]);
    const streams = runner([streamCounts()]);
    const types = runner([typeCounts]);
    await streams.start();
    await types.start();
    const notes = read(follower.subscribeAll({ filter: { eventTypes: ['Noted'] } }));
    const head = await append(sqlite, 'count-b', [counted(1), noted()]);
    await Promise.all([streams.waitForPosition(head), types.waitForPosition(head), notes.received(2)]);

    expect(await tableOf(fx.read.db, 'stream_counts', 'stream_id')).toEqual([
      { stream_id: 'count-a', count: 5, last_type: 'Counted', closed: 0 },
      { stream_id: 'count-b', count: 1, last_type: 'Counted', closed: 0 },
    ]);
    expect(await tableOf(fx.read.db, 'type_counts', 'type')).toEqual([{ type: 'Counted', count: 3 }]);
    expect(notes.events.map((e) => e.type)).toEqual(['Noted', 'Noted']);
    expect(counter.mostOpen).toBe(1);
    expect(follower.consumers).toBe(3);
  });

  it('re-reads from a consumer that attaches behind, without showing the others an event twice', async () => {
    const positions = [await append(sqlite, 'count-a', [counted(), counted(), counted()])];
    const first = read(follower.subscribeAll());
    await first.received(3);
    const late = read(follower.subscribeAll({ from: 'start' }));
    await late.received(3);
    positions.push(await append(sqlite, 'count-a', [counted()]));
    await Promise.all([first.received(4), late.received(4)]);

    expect(first.positions()).toEqual([1n, 2n, 3n, 4n]);
    expect(late.positions()).toEqual([1n, 2n, 3n, 4n]);
    expect([first.caughtUp, late.caughtUp]).toEqual([1, 1]);
    expect(counter.mostOpen).toBe(1);
  });

  it('starts each consumer after its own position and shows it only its own types', async () => {
    await append(sqlite, 'count-a', [counted(), noted(), counted(), noted()]);
    const fromTwo = read(follower.subscribeAll({ from: 2n, filter: { eventTypes: ['Counted'] } }));
    const notes = read(follower.subscribeAll({ filter: { eventTypes: ['Noted'] } }));
    await Promise.all([fromTwo.received(1), notes.received(2)]);
    await append(sqlite, 'count-a', [noted(), counted()]);
    await Promise.all([fromTwo.received(2), notes.received(3)]);

    expect(fromTwo.positions()).toEqual([3n, 6n]);
    expect(notes.positions()).toEqual([2n, 4n, 5n]);
  });

  it('keeps the others reading when a consumer detaches', async () => {
    const leaving = read(follower.subscribeAll());
    const staying = read(follower.subscribeAll());
    await append(sqlite, 'count-a', [counted()]);
    await Promise.all([leaving.received(1), staying.received(1)]);
    await leaving.subscription.close();
    await leaving.done;
    await append(sqlite, 'count-a', [counted()]);
    await staying.received(2);

    expect(leaving.positions()).toEqual([1n]);
    expect(staying.positions()).toEqual([1n, 2n]);
    expect(follower.consumers).toBe(1);
  });

  it('lets a runner fail on its own event while the other runner projects on', async () => {
    const failing = runner([streamCounts()]);
    const healthy = runner([typeCounts]);
    const failure = new Promise<ProjectionFailure>((resolve) => failing.onError(resolve));
    await failing.start();
    await healthy.start();
    await append(sqlite, 'count-a', [counted(), exploded()]);
    expect((await failure).message).toContain('stream-counts');
    const head = await append(sqlite, 'count-b', [counted(), counted()]);
    await healthy.waitForPosition(head);

    expect(await tableOf(fx.read.db, 'type_counts', 'type')).toEqual([{ type: 'Counted', count: 3 }]);
    expect(healthy.failure).toBeNull();
    expect(follower.consumers).toBe(1);
  });

  it('holds at most its buffer for a consumer that does not read, and gives it everything once it does', async () => {
    const slow = follower.subscribeAll();
    const fast = read(follower.subscribeAll());
    const buffered: number[] = [];
    const sampling = (async () => {
      for (let seen = 1; seen <= 40; seen++) {
        await fast.received(seen);
        buffered.push(slow.buffered);
      }
    })();
    for (let i = 0; i < 40; i++) await append(sqlite, 'count-a', [counted()]);
    const slowly = read(slow);
    await Promise.all([sampling, slowly.received(40)]);

    expect(Math.max(...buffered)).toBeLessThanOrEqual(5);
    expect(slowly.positions()).toEqual(fast.positions());
    expect(fast.events).toHaveLength(40);
  });

  it('closes while a consumer that does not read holds a full buffer; that consumer then ends', async () => {
    const slow = follower.subscribeAll();
    for (let i = 0; i < 20; i++) await append(sqlite, 'count-a', [counted()]);
    while (slow.buffered < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await follower.close();
    const messages: string[] = [];
    for await (const message of slow) messages.push(message.kind);
    expect(messages).toHaveLength(5);
    expect(follower.consumers).toBe(0);
  });

  it('ends every consumer when the store ends its subscription (the store closed)', async () => {
    const one = read(follower.subscribeAll());
    const two = read(follower.subscribeAll({ filter: { eventTypes: ['Noted'] } }));
    await append(sqlite, 'count-a', [counted(), noted()]);
    await Promise.all([one.received(2), two.received(1)]);
    await sqlite.close();
    await Promise.all([one.done, two.done]);
    expect(follower.consumers).toBe(0);
  });

  it('is woken at once by an append through the same store (its poll is an hour)', async () => {
    const reader = read(follower.subscribeAll());
    await append(sqlite, 'count-a', [counted()]);
    await reader.received(1);
    await append(sqlite, 'count-a', [counted()]);
    await reader.received(2);
    expect(reader.positions()).toEqual([1n, 2n]);
  });
});
