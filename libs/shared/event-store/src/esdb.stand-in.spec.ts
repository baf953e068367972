import { END, EventStoreDBClient, START, BACKWARDS, eventTypeFilter, jsonEvent, type AllStreamResolvedEvent, type Position } from '@eventstore/db-client';
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

  const append = (stream: string, ...types: string[]) => client.appendToStream(stream, types.map((type) => jsonEvent({ type, data: { type } })));
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
      filter: eventTypeFilter({ prefixes: ['Open'], maxSearchWindow: 2, checkpointInterval: 1, checkpointReached: (_s, position) => void checkpoints.push(position.commit) }),
    });
    const seen: string[] = [];
    for await (const resolved of subscription) if (seen.push(resolved.event?.type as string) === 3) break;
    await subscription.unsubscribe();
    expect(seen).toEqual(['Opened', 'Opened', 'Opened']);
    const positions = ((await client.readAll().toArray()) as AllStreamResolvedEvent[]).map((r) => r.event?.position?.commit);
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

  it('answers UNIMPLEMENTED for what sooc does not use (delete)', async () => {
    await append('a-1', 'One');
    await expect(client.deleteStream('a-1')).rejects.toThrow(/UNIMPLEMENTED|not implemented/i);
  });
});
