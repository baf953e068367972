import {
  ConcurrencyError,
  IllegalStateError,
  handleCommand,
  StreamStateCache,
  type Command,
  type CommandContext,
  type Decider,
  type EventStore,
  type EventToAppend,
  type ReadStreamOptions,
} from '@sooc/event-sourcing';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from './lib/memory.event-store';

// A tiny decider: a room with CAPACITY seats; reserving a seat twice changes nothing.
type Reserve = Command<'Reserve', { seat: string }>;
type SeatReserved = { type: 'SeatReserved'; data: { seat: string } };
type Room = { status: 'open'; seats: readonly string[] };
const CAPACITY = 2;

function roomDecider(calls: { decide: number } = { decide: 0 }): Decider<Reserve, SeatReserved, Room> {
  return {
    initialState: () => ({ status: 'open', seats: [] }),
    // Ignores what it does not know, like every evolve (the rival below writes RoomInspected).
    evolve: (state, event) =>
      (event as { type: string }).type === 'SeatReserved'
        ? { ...state, seats: [...state.seats, event.data.seat] }
        : state,
    decide: (command, state) => {
      calls.decide++;
      if (state.seats.includes(command.data.seat)) return [];
      if (state.seats.length >= CAPACITY) throw new IllegalStateError('ROOM.FULL', 'No seat left');
      return [{ type: 'SeatReserved', data: { seat: command.data.seat } }];
    },
  };
}

const NOW = new Date('2026-03-03T09:00:00.000Z');
const context: CommandContext = { actor: { id: 'admin-1', role: 'admin' }, correlationId: 'corr-1', now: () => NOW };
const reserve = (seat: string): Omit<Reserve, 'metadata'> => ({ type: 'Reserve', data: { seat } });

/** A real competing writer: after every read of the stream, someone else appends to it. */
class RivalAfterEveryRead implements EventStore {
  constructor(private readonly inner: MemoryEventStore) {}
  append = this.inner.append.bind(this.inner);
  readAll = this.inner.readAll.bind(this.inner);
  subscribeAll = this.inner.subscribeAll.bind(this.inner);
  headPosition = this.inner.headPosition.bind(this.inner);
  close = this.inner.close.bind(this.inner);
  async readStream(streamId: string, options?: ReadStreamOptions) {
    const events = await this.inner.readStream(streamId, options);
    const metadata = {
      actor: context.actor,
      correlationId: 'rival',
      causationId: null,
      occurredAt: NOW.toISOString(),
      schemaVersion: 1,
    };
    const rival: EventToAppend = {
      id: randomUUID(),
      type: 'RoomInspected',
      data: { seat: `rival-${events.length}` },
      metadata,
    };
    await this.inner.append(streamId, [rival], { expectedRevision: 'any' });
    return events;
  }
}

describe('handleCommand (with the memory store)', () => {
  let store: MemoryEventStore;
  beforeEach(() => (store = new MemoryEventStore()));
  afterEach(() => store.close());

  it('creates the stream with no_stream, then appends at the exact revision', async () => {
    const first = await handleCommand(store, roomDecider(), 'room-1', reserve('a'), context);
    expect(first).toMatchObject({
      revision: 0n,
      state: { seats: ['a'] },
      events: [{ type: 'SeatReserved', data: { seat: 'a' } }],
    });
    const second = await handleCommand(store, roomDecider(), 'room-1', reserve('b'), context);
    expect(second.revision).toBe(1n);
    expect(second.position).toBe(await store.headPosition());
    expect((await store.readStream('room-1')).map((e) => e.data)).toEqual([{ seat: 'a' }, { seat: 'b' }]);
  });

  it('on a real interleaved conflict, reads again and decides again on the fresh state', async () => {
    await handleCommand(store, roomDecider(), 'room-1', reserve('a'), context);
    const calls = { decide: 0 };
    // Both read revision 0 before either appends; the loser must retry against revision 1.
    const [b, c] = await Promise.allSettled([
      handleCommand(store, roomDecider(calls), 'room-1', reserve('b'), context),
      handleCommand(store, roomDecider(calls), 'room-1', reserve('c'), context),
    ]);
    expect(b).toMatchObject({ status: 'fulfilled', value: { revision: 1n } });
    // The re-decision saw the room full: a different answer than the first decision.
    expect(c).toMatchObject({ status: 'rejected', reason: { code: 'ROOM.FULL' } });
    expect(calls.decide).toBe(3);
    expect(await store.readStream('room-1')).toHaveLength(2);
  });

  it('retries until the append goes through when the fresh decision still allows it', async () => {
    const calls = { decide: 0 };
    const results = await Promise.all([
      handleCommand(store, roomDecider(calls), 'room-2', reserve('a'), context),
      handleCommand(store, roomDecider(calls), 'room-2', reserve('b'), context),
    ]);
    expect(results.map((r) => r.revision)).toEqual([0n, 1n]);
    expect(calls.decide).toBe(3);
  });

  it('gives up after maxRetries and raises the ConcurrencyError', async () => {
    const calls = { decide: 0 };
    const error = await handleCommand(
      new RivalAfterEveryRead(store),
      roomDecider(calls),
      'room-3',
      reserve('a'),
      context,
      { maxRetries: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(calls.decide).toBe(3);
    expect((await store.readStream('room-3')).map((e) => (e.data as { seat: string }).seat)).toEqual([
      'rival-0',
      'rival-1',
      'rival-2',
    ]);
  });

  it('writes nothing and returns position null when decide returns []', async () => {
    const first = await handleCommand(store, roomDecider(), 'room-4', reserve('a'), context);
    const again = await handleCommand(store, roomDecider(), 'room-4', reserve('a'), context);
    expect(again).toEqual({
      events: [],
      state: { status: 'open', seats: ['a'] },
      position: null,
      revision: first.revision,
      metadata: null,
    });
    expect(first.metadata).toMatchObject({ actor: context.actor, occurredAt: NOW.toISOString() });
    expect(await store.readStream('room-4')).toHaveLength(1);
  });

  it('lets a DomainError from decide through and writes nothing', async () => {
    await handleCommand(store, roomDecider(), 'room-5', reserve('a'), context);
    await handleCommand(store, roomDecider(), 'room-5', reserve('b'), context);
    await expect(handleCommand(store, roomDecider(), 'room-5', reserve('c'), context)).rejects.toMatchObject({
      code: 'ROOM.FULL',
    });
    expect(await store.readStream('room-5')).toHaveLength(2);
  });

  it('stamps actor, correlation, causation, occurredAt from the context clock, schemaVersion and ids', async () => {
    const ids = ['7d0c4c8e-0b1f-4a55-9d33-1c1b1d9e0a01'];
    await handleCommand(
      store,
      roomDecider(),
      'room-6',
      reserve('a'),
      { ...context, causationId: 'cause-9' },
      { schemaVersion: 3, newId: () => ids.shift()! },
    );
    await handleCommand(store, roomDecider(), 'room-6', reserve('b'), {
      ...context,
      now: () => new Date('2026-04-01T00:00:00.000Z'),
    });
    const [a, b] = await store.readStream('room-6');
    expect(a.id).toBe('7d0c4c8e-0b1f-4a55-9d33-1c1b1d9e0a01');
    expect(a.metadata).toEqual({
      occurredAt: '2026-03-03T09:00:00.000Z',
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'corr-1',
      causationId: 'cause-9',
      schemaVersion: 3,
    });
    expect(b.metadata).toEqual({
      occurredAt: '2026-04-01T00:00:00.000Z',
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    });
  });
});

describe('handleCommand with a stream cache: a stream it has not folded is first tried as new', () => {
  let store: MemoryEventStore;
  beforeEach(() => (store = new MemoryEventStore()));
  afterEach(() => store.close());

  /** The memory store, counting the stream reads that reach it. */
  const counting = (inner: MemoryEventStore) => {
    const reads = { count: 0 };
    const wrapped: EventStore = {
      append: inner.append.bind(inner),
      readAll: inner.readAll.bind(inner),
      subscribeAll: inner.subscribeAll.bind(inner),
      headPosition: inner.headPosition.bind(inner),
      close: inner.close.bind(inner),
      readStream: (streamId, options) => (reads.count++, inner.readStream(streamId, options)),
    };
    return { wrapped, reads };
  };

  it('creates a new stream without reading it', async () => {
    const { wrapped, reads } = counting(store);
    const result = await handleCommand(wrapped, roomDecider(), 'room-7', reserve('a'), context, {
      cache: new StreamStateCache(),
    });
    expect(result).toMatchObject({ revision: 0n, state: { seats: ['a'] } });
    expect(reads.count).toBe(0);
    expect(await store.readStream('room-7')).toHaveLength(1);
  });

  it('decides on the real state when the stream exists after all (written by another process)', async () => {
    await handleCommand(store, roomDecider(), 'room-8', reserve('a'), context);
    await handleCommand(store, roomDecider(), 'room-8', reserve('b'), context);
    // A cache that has never seen room-8, as in a gateway that did not write it.
    await expect(
      handleCommand(store, roomDecider(), 'room-8', reserve('c'), context, { cache: new StreamStateCache() }),
    ).rejects.toMatchObject({ code: 'ROOM.FULL' });
    const repeat = await handleCommand(store, roomDecider(), 'room-8', reserve('a'), context, {
      cache: new StreamStateCache(),
    });
    expect(repeat).toMatchObject({ events: [], revision: 1n, position: null });
    expect((await store.readStream('room-8')).map((e) => e.data)).toEqual([{ seat: 'a' }, { seat: 'b' }]);
  });

  it('reads first for a command that the initial state refuses', async () => {
    const calls = { decide: 0 };
    const refusesWhenEmpty: Decider<Reserve, SeatReserved, Room> = {
      ...roomDecider(calls),
      decide: (command, state) => {
        calls.decide++;
        if (state.seats.length === 0) throw new IllegalStateError('ROOM.CLOSED', 'Nobody opened the room');
        return [{ type: 'SeatReserved', data: { seat: command.data.seat } }];
      },
    };
    await handleCommand(store, roomDecider(), 'room-9', reserve('a'), context);
    const result = await handleCommand(store, refusesWhenEmpty, 'room-9', reserve('b'), context, {
      cache: new StreamStateCache(),
    });
    expect(result.revision).toBe(1n);
    expect(calls.decide).toBe(2);
  });
});
