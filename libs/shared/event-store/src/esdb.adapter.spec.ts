import { createServer } from 'node:net';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { ValidationError } from '@sooc/event-sourcing';
import { EsdbEventStore } from './lib/esdb/esdb.event-store';
import { EsdbUnreachableError } from './lib/esdb/esdb.error';
import { EsdbStandIn } from './testing/esdb-stand-in';
import { META, event, events, rejectionOf, streamOf, summarise, take } from './testing/contract.fixture';

/** A port nobody listens on: bound once by us, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('EsdbEventStore', () => {
  let standIn: EsdbStandIn;
  let store: EsdbEventStore;
  afterEach(async () => {
    await store?.close();
    await standIn?.stop();
  });

  describe('positions above 2^53', () => {
    const first = 2n ** 53n + 1n;
    beforeEach(async () => {
      standIn = await EsdbStandIn.start({ firstPosition: first });
      store = EsdbEventStore.connect(standIn.url);
    });

    it('come back exact, and reads and subscriptions resume from them', async () => {
      const s = streamOf();
      const result = await store.append(s, events(3), { expectedRevision: 'no_stream' });
      const stored = await store.readStream(s);
      expect(stored[0].position).toBe(first);
      expect(result.position).toBe(stored[2].position);
      expect(stored[2].position > stored[1].position && stored[1].position > first).toBe(true);
      expect(BigInt(Number(first))).not.toBe(first); // a number would have lost it
      expect((await store.readAll({ from: stored[0].position })).map((e) => e.revision)).toEqual([1n, 2n]);
      expect(
        (await store.readAll({ direction: 'backwards', from: stored[2].position })).map((e) => e.revision),
      ).toEqual([1n, 0n]);
      const subscription = store.subscribeAll({ from: stored[1].position });
      try {
        expect(summarise(await take(subscription, 2))).toEqual([`${s}@2`, 'caught-up']);
      } finally {
        await subscription.close();
      }
      expect(await store.headPosition()).toBe(stored[2].position);
    });
  });

  describe('on the wire', () => {
    let raw: EventStoreDBClient;
    beforeEach(async () => {
      standIn = await EsdbStandIn.start();
      store = EsdbEventStore.connect(standIn.url);
      raw = EventStoreDBClient.connectionString(standIn.url);
    });
    afterEach(() => raw.dispose());

    it('stores the envelope as JSON metadata that other EventStoreDB tools read, with $correlationId and $causationId', async () => {
      const s = streamOf('cohort');
      const sent = event('SeatReserved', { seat: 1 }, { ...META, causationId: 'cause-9' });
      await store.append(s, [sent], { expectedRevision: 'no_stream' });
      const seen: unknown[] = [];
      for await (const resolved of raw.readStream(s)) seen.push(resolved.event);
      const [recorded] = seen as {
        id: string;
        isJson: boolean;
        type: string;
        data: unknown;
        metadata: Record<string, unknown>;
      }[];
      expect(recorded).toMatchObject({ id: sent.id, isJson: true, type: 'SeatReserved', data: { seat: 1 } });
      expect(recorded.metadata).toEqual({
        ...META,
        causationId: 'cause-9',
        $correlationId: META.correlationId,
        $causationId: 'cause-9',
      });
      expect((await store.readStream(s))[0].metadata).toEqual({ ...META, causationId: 'cause-9' });
    });

    it("skips the server's own events ($-types and $-streams) in reads, the head position and subscriptions", async () => {
      const s = streamOf();
      const ours = await store.append(s, [event()], { expectedRevision: 'no_stream' });
      await raw.appendToStream('$stats-127.0.0.1:2113', jsonEvent({ type: '$statsCollected', data: { load: 1 } }));
      await raw.appendToStream(`$$${s}`, jsonEvent({ type: '$metadata', data: { $maxCount: 10 } }));
      expect((await store.readAll()).map((e) => e.streamId)).toEqual([s]);
      expect(await store.headPosition()).toBe(ours.position);
      const subscription = store.subscribeAll();
      try {
        expect(summarise(await take(subscription, 2))).toEqual([`${s}@0`, 'caught-up']);
      } finally {
        await subscription.close();
      }
    });

    it('pages through $all past long runs of skipped events (system events, other categories)', async () => {
      await store.close();
      store = EsdbEventStore.connect(standIn.url, { pageSize: 40 });
      const s = streamOf('alpha');
      const ours = await store.append(s, [event()], { expectedRevision: 'no_stream' });
      const noise = (type: string, count: number) => Array.from({ length: count }, () => jsonEvent({ type, data: {} }));
      await raw.appendToStream('$stats-node', noise('$statsCollected', 150));
      expect(await store.headPosition()).toBe(ours.position);
      for (let i = 0; i < 3; i++) await store.append(streamOf('beta'), events(40), { expectedRevision: 'no_stream' });
      await store.append(s, [event()], { expectedRevision: 0n });
      expect(
        (await store.readAll({ filter: { categories: ['alpha'] } })).map((e) => `${e.streamId}@${e.revision}`),
      ).toEqual([`${s}@0`, `${s}@1`]);
      const firstPages = await store.readAll({ max: 105 });
      expect(firstPages).toHaveLength(105);
      expect(new Set(firstPages.map((e) => e.id)).size).toBe(105);
      expect(await store.readAll({ from: firstPages[104].position })).toHaveLength(122 - 105);
      expect(await store.readAll({ direction: 'backwards', from: firstPages[104].position })).toHaveLength(104);
    });

    it('reads only the events it needs for the head position and a max: 1 read, however long $all is (every mutation asks, for read-your-writes)', async () => {
      const s = streamOf();
      for (let i = 0; i < 5; i++) await store.append(streamOf(), events(100), { expectedRevision: 'no_stream' });
      const ours = await store.append(s, [event()], { expectedRevision: 'no_stream' });
      await store.append(streamOf(), events(100), { expectedRevision: 'no_stream' });
      const before = standIn.eventsRead;
      const head = await store.headPosition();
      expect(standIn.eventsRead - before).toBeLessThanOrEqual(2);
      const [next] = await store.readAll({ from: ours.position - 1n, max: 1 });
      expect(next.position).toBe(ours.position);
      expect(standIn.eventsRead - before).toBeLessThanOrEqual(4);
      expect(head).toBe((await store.readAll({ direction: 'backwards', max: 1 }))[0].position);
    });

    it('answers a crowd asking the same question at once with a read or two, never with an answer older than the question', async () => {
      await store.append(streamOf(), events(3), { expectedRevision: 'no_stream' });
      const before = standIn.eventsRead;
      const early = store.headPosition();
      const written = await store.append(streamOf(), [event()], { expectedRevision: 'no_stream' });
      const crowd = await Promise.all(Array.from({ length: 50 }, () => store.headPosition()));
      expect(new Set(crowd)).toEqual(new Set([written.position]));
      expect(await early).toBeLessThanOrEqual(written.position);
      expect(standIn.eventsRead - before).toBeLessThanOrEqual(3 * 2);
      const [a, b] = await Promise.all([store.readAll({ max: 2 }), store.readAll({ max: 2 })]);
      expect(a).toEqual(b);
      expect(a).not.toBe(b);
    });

    it('connects through gossip with esdb+discover://', async () => {
      const discovered = EsdbEventStore.connect(standIn.discoverUrl);
      try {
        const s = streamOf();
        await discovered.append(s, events(2), { expectedRevision: 'no_stream' });
        expect(await store.readStream(s)).toHaveLength(2);
      } finally {
        await discovered.close();
      }
    });
  });

  describe('connection problems', () => {
    it('refuses a URL that is not esdb:// or esdb+discover:// or is malformed (without showing its password), and a page size below 2', () => {
      expect(() => EsdbEventStore.connect('http://127.0.0.1:2113')).toThrow(ValidationError);
      expect(() => EsdbEventStore.connect('esdb://admin:secret@127.0.0.1:2113?tls=maybe')).toThrow(
        /esdb:\/\/admin:\*\*\*@127\.0\.0\.1:2113\?tls=maybe is malformed/,
      );
      expect(() => EsdbEventStore.connect('esdb://127.0.0.1:2113?tls=false', { pageSize: 1 })).toThrow(ValidationError);
    });

    it('names the URL (without its password) and what to check when the server is unreachable', async () => {
      const url = `esdb://admin:changeit@127.0.0.1:${await deadPort()}?tls=false`;
      store = EsdbEventStore.connect(url);
      const error = (await rejectionOf(
        store.append(streamOf(), [event()], { expectedRevision: 'any' }),
      )) as EsdbUnreachableError;
      expect(error).toBeInstanceOf(EsdbUnreachableError);
      expect(error.code).toBe('STORE.UNREACHABLE');
      expect(error.message).toContain(`EventStoreDB at esdb://admin:***@127.0.0.1:`);
      expect(error.message).not.toContain('changeit');
      expect(error.message).toMatch(/running.*tls=false/s);
      expect(await rejectionOf(store.readStream(streamOf()))).toBeInstanceOf(EsdbUnreachableError);
      expect(await rejectionOf(store.headPosition())).toBeInstanceOf(EsdbUnreachableError);
      const subscription = store.subscribeAll();
      expect(await rejectionOf(subscription[Symbol.asyncIterator]().next())).toBeInstanceOf(EsdbUnreachableError);
    });

    it('says the same when discovery finds no node', async () => {
      store = EsdbEventStore.connect(
        `esdb+discover://127.0.0.1:${await deadPort()}?tls=false&maxDiscoverAttempts=2&discoveryInterval=10`,
      );
      const error = await rejectionOf(store.readAll({ max: 1 }));
      expect(error).toBeInstanceOf(EsdbUnreachableError);
      expect((error as Error).message).toContain('esdb+discover://127.0.0.1:');
    });

    it('refuses work once closed', async () => {
      standIn = await EsdbStandIn.start();
      store = EsdbEventStore.connect(standIn.url);
      await store.close();
      expect(await rejectionOf(store.append(streamOf(), [event()], { expectedRevision: 'any' }))).toMatchObject({
        code: 'STORE.CLOSED',
      });
      expect(() => store.subscribeAll()).toThrow(expect.objectContaining({ code: 'STORE.CLOSED' }));
    });
  });
});
