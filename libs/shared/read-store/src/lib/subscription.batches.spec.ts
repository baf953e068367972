import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { Signal } from '@sooc/timing';
import { readInBatches } from './subscription.batches';

const meta = {
  occurredAt: '2026-03-03T09:00:00.000Z',
  actor: { id: 'a', role: 'admin' as const },
  correlationId: 'c',
  causationId: null,
  schemaVersion: 1,
};
const counted = (n: number): EventToAppend => ({ id: randomUUID(), type: 'Counted', data: { n }, metadata: meta });
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('readInBatches', () => {
  it('puts what arrives while a slow commit runs into the next batch, in order, instead of queueing small ones', async () => {
    const store = new MemoryEventStore();
    const commits: number[][] = [];
    const stop = new Signal();
    let stopping = false;
    let caughtUp = false;
    const sink = {
      async commit(batch: readonly RecordedEvent[]) {
        commits.push(batch.map((e) => (e.data as { n: number }).n));
        // A busy PostgreSQL: each transaction takes a while.
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
      caughtUp: () => (caughtUp = true),
    };
    const reading = readInBatches(store.subscribeAll(), sink, { batchSize: 1_000, stop, stopping: () => stopping });
    while (!caughtUp) await turn();
    // 60 live events, one per event-loop turn: each alone would be its own transaction.
    for (let n = 0; n < 60; n++) {
      await store.append(`count-${n}`, [counted(n)], { expectedRevision: 'no_stream' });
      await turn();
    }
    while (commits.flat().length < 60) await new Promise((resolve) => setTimeout(resolve, 10));
    stopping = true;
    stop.fire();
    await reading;
    expect(commits.flat()).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(commits.length).toBeLessThan(10);
  });
});
