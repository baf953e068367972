import {
  END,
  EventStoreDBClient,
  START,
  BACKWARDS,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { EsdbStandIn } from './testing/esdb-stand-in';

/** The stand-in as the bare client sees it: EventStoreDB's behaviour where the adapter does not already prove it. */
describe('EsdbStandIn', () => {
  let standIn: EsdbStandIn;
  let client: EventStoreDBClient;
  beforeEach(async () => {
    standIn = await EsdbStandIn.start();
    client = EventStoreDBClient.connectionString(standIn.url);
  });
  afterEach(async () => {
    await client.dispose();
    await standIn.stop();
  });

  const append = (stream: string, ...types: string[]) =>
    client.appendToStream(
      stream,
      types.map((type) => jsonEvent({ type, data: { type } })),
    );
  async function all(read: AsyncIterable<AllStreamResolvedEvent>): Promise<string[]> {
    const out: string[] = [];
    for await (const resolved of read) out.push(`${resolved.event?.streamId}:${resolved.event?.type}`);
    return out;
  }

  it('reads $all forwards from a position including the event there, backwards excluding it', async () => {
    await append('a-1', 'One', 'Two', 'Three');
    const [, second] = (await client.readAll({ maxCount: 3 }).toArray()) as AllStreamResolvedEvent[];
    const at = second.event?.position as Position;
    expect(await all(client.readAll({ fromPosition: at }))).toEqual(['a-1:Two', 'a-1:Three']);
    expect(await all(client.readAll({ fromPosition: at, direction: BACKWARDS }))).toEqual(['a-1:One']);
    expect(await all(client.readAll({ fromPosition: END }))).toEqual([]);
  });

  it('stamps `created` with the time of the append', async () => {
    const before = Date.now();
    await append('a-1', 'One');
    const [{ event }] = (await client.readStream('a-1').toArray()) as AllStreamResolvedEvent[];
    expect(event?.created.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(event?.created.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('filters a subscription by event-type prefix and sends a checkpoint every window × multiplier records', async () => {
    await append('a-1', 'Opened', 'Closed', 'Opened', 'Noted', 'Opened');
    const checkpoints: bigint[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({
        prefixes: ['Open'],
        maxSearchWindow: 2,
        checkpointInterval: 1,
        checkpointReached: (_s, position) => void checkpoints.push(position.commit),
      }),
    });
    const seen: string[] = [];
    for await (const resolved of subscription) if (seen.push(resolved.event?.type as string) === 3) break;
    await subscription.unsubscribe();
    expect(seen).toEqual(['Opened', 'Opened', 'Opened']);
    const positions = ((await client.readAll().toArray()) as AllStreamResolvedEvent[]).map(
      (r) => r.event?.position?.commit,
    );
    expect(checkpoints.slice(0, 2)).toEqual([positions[1], positions[3]]);
  });

  it('subscribes from the end: caught up at once, then only live events', async () => {
    await append('a-1', 'Old');
    const subscription = client.subscribeToAll({ fromPosition: END });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    await caughtUp;
    await append('a-1', 'New');
    for await (const resolved of subscription) {
      expect(resolved.event?.type).toBe('New');
      break;
    }
    await subscription.unsubscribe();
  });

  it('subscribes to one stream after a revision: its history past it, caught up, then its live events only', async () => {
    await append('a-1', 'One', 'Two');
    await append('b-1', 'Other');
    const subscription = client.subscribeToStream('a-1', { fromRevision: 0n });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    const seen: string[] = [];
    const reading = (async () => {
      for await (const resolved of subscription) {
        seen.push(`${resolved.event?.revision}:${resolved.event?.type}`);
        if (seen.length === 2) break;
      }
    })();
    await caughtUp;
    await append('b-1', 'Elsewhere');
    await append('a-1', 'Three');
    await reading;
    expect(seen).toEqual(['1:Two', '2:Three']);
    await subscription.unsubscribe();
  });

  const types = async (stream: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}) =>
    ((await client.readStream(stream, options).toArray()) as AllStreamResolvedEvent[]).map(
      (r) => `${r.event?.revision}:${r.event?.type}`,
    );

  it('soft-deletes a stream: it reads as absent, its events stay in $all, and an append recreates it with revisions going on', async () => {
    await append('a-1', 'One', 'Two');
    await append('b-1', 'Other');
    const deleted = await client.deleteStream('a-1', { expectedRevision: 1n });
    expect(deleted.position?.commit).toBeGreaterThan(0n);
    await expect(client.readStream('a-1').toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await all(client.readAll())).toEqual(['a-1:One', 'a-1:Two', 'b-1:Other', '$$a-1:$metadata']);

    await client.appendToStream('a-1', jsonEvent({ type: 'Again', data: {} }), { expectedRevision: NO_STREAM });
    expect(await types('a-1')).toEqual(['2:Again']);
    expect(await types('a-1', { fromRevision: 0n })).toEqual(['2:Again']);
    expect(await types('a-1', { fromRevision: 1n, direction: BACKWARDS })).toEqual([]);
    expect(await types('b-1')).toEqual(['0:Other']);
  });

  it('refuses a delete or tombstone at the wrong expected revision, and deletes nothing', async () => {
    await append('a-1', 'One', 'Two');
    const wrong = await client.deleteStream('a-1', { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(WrongExpectedVersionError);
    expect(wrong).toMatchObject({ streamName: 'a-1', expectedVersion: 0n, actualVersion: 1n });
    await expect(client.tombstoneStream('a-1', { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await types('a-1')).toEqual(['0:One', '1:Two']);
  });

  it('tombstones a stream for good: reads and appends are refused as deleted, a $streamDeleted event ends it in $all', async () => {
    await append('a-1', 'One');
    await client.tombstoneStream('a-1');
    await expect(client.readStream('a-1').toArray()).rejects.toBeInstanceOf(StreamDeletedError);
    const refused = await append('a-1', 'Two').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StreamDeletedError);
    expect(refused).toMatchObject({ streamName: 'a-1' });
    await expect(client.deleteStream('a-1')).rejects.toBeInstanceOf(StreamDeletedError);
    expect(await all(client.readAll())).toEqual(['a-1:One', 'a-1:$streamDeleted']);
  });
});
