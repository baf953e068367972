import type { RecordedEvent, SubscriptionMessage } from '@sooc/event-sourcing';
import { Signal } from '@sooc/timing';
import { CatchUpSubscription, type Batch, type CatchUpSource } from './lib/catch-up.subscription';

/** A source whose reads are counted, and whose "other process" commits are a version we bump. */
function countingSource(): CatchUpSource & { reads: number; version: number; pending: RecordedEvent[] } {
  const source = {
    reads: 0,
    version: 1,
    pending: [] as RecordedEvent[],
    wake: new Signal(),
    pollMs: 2,
    externalVersion: () => source.version,
    readBatch(after: bigint): Batch {
      source.reads++;
      const events = source.pending.splice(0).filter((e) => e.position > after);
      return { events, scannedTo: events.at(-1)?.position ?? after };
    },
  };
  return source;
}

const recorded = (position: bigint): RecordedEvent =>
  ({ id: `e${position}`, streamId: 's', revision: position, position, type: 'T', data: {}, metadata: {} }) as never;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function next(iterator: AsyncIterator<SubscriptionMessage>): Promise<SubscriptionMessage> {
  const { value } = await iterator.next();
  return value as SubscriptionMessage;
}

describe('a catch-up subscription polling for other processes', () => {
  it('reads the store again only once another process committed, or an append here woke it', async () => {
    const source = countingSource();
    const subscription = new CatchUpSubscription(source, { after: -1n, batchSize: 10 });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await next(iterator)).toEqual({ kind: 'caught-up' });
    const pending = next(iterator);
    await sleep(40); // some twenty polls
    const idleReads = source.reads;
    await sleep(40);
    expect(source.reads).toBe(idleReads);

    // Another process commits: the next poll sees the version change and reads it.
    source.pending.push(recorded(1n));
    source.version++;
    expect(await pending).toEqual({ kind: 'event', event: recorded(1n) });

    // An append through this store wakes it without any version change.
    const woken = next(iterator);
    await sleep(10);
    source.pending.push(recorded(2n));
    source.wake.fire();
    expect(await woken).toEqual({ kind: 'event', event: recorded(2n) });
    await subscription.close();
  });

  it('does not miss a commit made elsewhere while it was reading', async () => {
    const source = countingSource();
    const read = source.readBatch.bind(source);
    // The commit lands during the read that follows the caught-up, after it looked: only the version says so.
    source.readBatch = (after, max, filter) => {
      const batch = read(after, max, filter);
      if (source.reads === 2) {
        source.pending.push(recorded(5n));
        source.version++;
      }
      return batch;
    };
    const subscription = new CatchUpSubscription(source, { after: -1n, batchSize: 10 });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await next(iterator)).toEqual({ kind: 'caught-up' });
    expect(await next(iterator)).toEqual({ kind: 'event', event: recorded(5n) });
    await subscription.close();
  });
});
