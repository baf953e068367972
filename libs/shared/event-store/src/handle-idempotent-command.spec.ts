import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  handleCommand,
  handleIdempotentCommand,
  idempotencyStream,
  idempotentEventId,
  IllegalStateError,
  StreamStateCache,
  type Command,
  type CommandContext,
  type Decider,
  type EventStore,
  type IdempotencyKey,
} from '@sooc/event-sourcing';
import { MemoryEventStore } from './lib/memory.event-store';
import { SqliteEventStore } from './lib/sqlite.event-store';

// A room with two seats; reserving a seat twice changes nothing, a third seat is refused.
type Reserve = Command<'Reserve', { seat: string }>;
type SeatReserved = { type: 'SeatReserved'; data: { seat: string; at: string } };
type Room = { readonly seats: readonly string[] };

const room: Decider<Reserve, SeatReserved, Room> = {
  initialState: () => ({ seats: [] }),
  evolve: (state, event) => ({ seats: [...state.seats, event.data.seat] }),
  decide: (command, state) => {
    if (state.seats.includes(command.data.seat)) return [];
    if (state.seats.length >= 2) throw new IllegalStateError('ROOM.FULL', 'No seat left');
    return [{ type: 'SeatReserved', data: { seat: command.data.seat, at: command.metadata.now.toISOString() } }];
  },
};

const STREAM = 'room-1';
const reserve = (seat: string) => ({ type: 'Reserve' as const, data: { seat } });

/** Each call is a later instant and another request, as resends are. */
function contextAt(ms: number): CommandContext {
  return {
    actor: { id: 'admin-1', role: 'admin' },
    correlationId: `request-${ms}`,
    now: () => new Date(Date.UTC(2026, 2, 3, 9, 0, 0, ms)),
  };
}

function keyOf(key: string, seat: string): IdempotencyKey {
  return { owner: 'admin-1', key, operation: 'reserve', fingerprint: `reserve:${seat}`, command: 0 };
}

const roomEvents = async (store: EventStore) => (await store.readStream(STREAM)).map((e) => [e.type, e.data]);

describe.each([
  ['memory', () => ({ store: new MemoryEventStore() as EventStore, done: () => undefined })],
  [
    'SQLite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sooc-idempotent-'));
      const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
      return { store: store as EventStore, done: () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
])('handleIdempotentCommand on the %s store', (_name, open) => {
  let store: EventStore;
  let done: () => void;
  beforeEach(() => ({ store, done } = open()));
  afterEach(async () => {
    await store.close();
    done();
  });

  const send = (key: IdempotencyKey, seat: string, ms: number, cache?: StreamStateCache) =>
    handleIdempotentCommand(store, room, STREAM, reserve(seat), contextAt(ms), key, { cache });

  it('answers a resend with the first answer and writes nothing more, though deciding again would do nothing', async () => {
    const first = await send(keyOf('k1', 'a'), 'a', 1);
    const again = await send(keyOf('k1', 'a'), 'a', 2);
    expect(again).toEqual(first);
    expect(first.events).toEqual([{ type: 'SeatReserved', data: { seat: 'a', at: '2026-03-03T09:00:00.001Z' } }]);
    expect(await roomEvents(store)).toEqual([['SeatReserved', { seat: 'a', at: '2026-03-03T09:00:00.001Z' }]]);
    const [written] = await store.readStream(STREAM);
    expect(written.id).toBe(idempotentEventId(keyOf('k1', 'a'), 0));
  });

  it('answers a resend the first answer even when the state moved on and deciding again would be refused', async () => {
    const first = await send(keyOf('k1', 'a'), 'a', 1);
    await handleCommand(store, room, STREAM, reserve('b'), contextAt(2));
    const again = await send(keyOf('k1', 'a'), 'a', 3);
    expect(again).toEqual(first);
    expect(again.state.seats).toEqual(['a']);
    await expect(send(keyOf('k2', 'c'), 'c', 4)).rejects.toMatchObject({ code: 'ROOM.FULL' });
  });

  it('refuses the key with other arguments and writes nothing', async () => {
    await send(keyOf('k1', 'a'), 'a', 1);
    await expect(send(keyOf('k1', 'b'), 'b', 2)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      kind: 'illegal-state',
    });
    expect(await roomEvents(store)).toHaveLength(1);
  });

  it('keeps keys of different owners apart', async () => {
    await send(keyOf('k1', 'a'), 'a', 1);
    const other = { ...keyOf('k1', 'b'), owner: 'admin-2' };
    const answer = await send(other, 'b', 2);
    expect(answer.state.seats).toEqual(['a', 'b']);
  });

  it('records nothing for a refused command: a resend is decided again', async () => {
    await handleCommand(store, room, STREAM, reserve('a'), contextAt(1));
    await handleCommand(store, room, STREAM, reserve('b'), contextAt(2));
    await expect(send(keyOf('k1', 'c'), 'c', 3)).rejects.toMatchObject({ code: 'ROOM.FULL' });
    expect(await store.readStream(idempotencyStream(keyOf('k1', 'c')))).toEqual([]);
  });

  it('finds the events of a sender that stopped between its append and its record, and records them', async () => {
    const key = keyOf('k1', 'a');
    // The first sender's append, without its record (it crashed, or is still on its way).
    const crashed = await handleCommand(store, room, STREAM, reserve('a'), contextAt(1), {
      newId: (index) => idempotentEventId(key, index),
    });
    await handleCommand(store, room, STREAM, reserve('b'), contextAt(2));
    const resent = await send(key, 'a', 3);
    expect(resent.events).toEqual(crashed.events);
    expect(resent.position).toBe(crashed.position);
    expect(resent.state.seats).toEqual(['a']);
    expect(await store.readStream(idempotencyStream(key))).toHaveLength(1);
    expect(await roomEvents(store)).toHaveLength(2);
  });

  it('gives concurrent senders with their own caches (two gateways) one set of events and one answer', async () => {
    const key = keyOf('k1', 'a');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => send(key, 'a', 10 + i, i % 2 === 0 ? new StreamStateCache() : undefined)),
    );
    expect(await roomEvents(store)).toHaveLength(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});
