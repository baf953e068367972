import { ConcurrencyError, handleCommand, KeyedSerialQueue, type Command, type Decider } from '@sooc/event-sourcing';
import { MemoryEventStore } from './lib/memory.event-store';

type Add = Command<'Add', { n: number }>;
type Added = { type: 'Added'; data: { n: number } };
const counter = (calls: { decide: number }): Decider<Add, Added, number> => ({
  initialState: () => 0,
  evolve: (total, e) => total + e.data.n,
  decide: (command) => (calls.decide++, [{ type: 'Added', data: { n: command.data.n } }]),
});
const context = {
  actor: { id: 'admin-1', role: 'admin' as const },
  correlationId: 'c',
  now: () => new Date('2026-03-03T09:00:00.000Z'),
};

describe('KeyedSerialQueue', () => {
  it('runs the tasks of one key one after the other, in call order, even when some fail', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('a', task('a1', 20, true)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.filter((l) => l.endsWith('a1') || l.endsWith('a2'))).toEqual([
      'start a1',
      'end a1',
      'start a2',
      'end a2',
    ]);
    // b did not wait for a.
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'));
    expect(queue.size).toBe(0);
  });

  it('turns 200 concurrent commands on one hot stream into 200 decisions and no conflict (pitfall 8)', async () => {
    const store = new MemoryEventStore();
    const unqueued = { decide: 0 };
    const raw = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        handleCommand(store, counter(unqueued), 'counter-hot', { type: 'Add', data: { n: 1 } }, context),
      ),
    );
    // Without the queue: every round lets one through and sends the rest back, until retries run out.
    expect(raw.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrencyError).length).toBeGreaterThan(
      150,
    );
    expect(unqueued.decide).toBeGreaterThan(1000);

    const queue = new KeyedSerialQueue();
    const queued = { decide: 0 };
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        queue.run('counter-cool', () =>
          handleCommand(store, counter(queued), 'counter-cool', { type: 'Add', data: { n: 1 } }, context),
        ),
      ),
    );
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 200 }, (_, i) => BigInt(i)));
    expect(queued.decide).toBe(200);
    await store.close();
  });
});
