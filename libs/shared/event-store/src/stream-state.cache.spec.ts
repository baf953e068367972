import { randomUUID } from 'node:crypto';
import {
  handleCommand,
  IllegalStateError,
  loadStream,
  StreamStateCache,
  type Command,
  type CommandContext,
  type Decider,
  type EventToAppend,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@sooc/event-sourcing';
import { MemoryEventStore } from './lib/memory.event-store';

type Take = Command<'Take', { seat: string }>;
type SeatTaken = { type: 'SeatTaken'; data: { seat: string } };
type Room = { status: 'open'; seats: readonly string[] };
const CAPACITY = 3;

const room: Decider<Take, SeatTaken, Room> = {
  initialState: () => ({ status: 'open', seats: [] }),
  evolve: (state, event) => ({ ...state, seats: [...state.seats, event.data.seat] }),
  decide: (command, state) => {
    if (state.seats.includes(command.data.seat)) return [];
    if (state.seats.length >= CAPACITY) throw new IllegalStateError('ROOM.FULL', 'No seat left');
    return [{ type: 'SeatTaken', data: { seat: command.data.seat } }];
  },
};
/** Same events, another fold: must never see room's cached state. */
const counter = { initialState: () => 0, evolve: (n: number) => n + 1 };

const context: CommandContext = {
  actor: { id: 'a-1', role: 'admin' },
  correlationId: 'c-1',
  now: () => new Date('2026-03-03T09:00:00Z'),
};
const meta = {
  occurredAt: '2026-03-03T09:00:00.000Z',
  actor: context.actor,
  correlationId: 'c-1',
  causationId: null,
  schemaVersion: 1,
};
const taken = (seat: string): EventToAppend => ({
  id: randomUUID(),
  type: 'SeatTaken',
  data: { seat },
  metadata: meta,
});

/** A real store that remembers where each read started, to show what the cache saves. */
class ReadCountingStore extends MemoryEventStore {
  readonly reads: (bigint | 'start' | 'end' | undefined)[] = [];
  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads.push(options?.from);
    return super.readStream(streamId, options);
  }
}

describe('StreamStateCache', () => {
  it('reads only the events appended since the last fold, and folds to the same state', async () => {
    const store = new ReadCountingStore();
    const cache = new StreamStateCache();
    await store.append('room-1', [taken('a'), taken('b')], { expectedRevision: 'no_stream' });
    expect(await loadStream(store, room, 'room-1', cache)).toEqual({
      state: { status: 'open', seats: ['a', 'b'] },
      revision: 1n,
    });
    await store.append('room-1', [taken('c')], { expectedRevision: 1n });
    expect(await loadStream(store, room, 'room-1', cache)).toEqual({
      state: { status: 'open', seats: ['a', 'b', 'c'] },
      revision: 2n,
    });
    expect(store.reads).toEqual(['start', 2n]);
  });

  it('lets a command see what another process wrote after the fold (the store stays the truth)', async () => {
    const store = new MemoryEventStore();
    const cache = new StreamStateCache();
    await handleCommand(store, room, 'room-1', { type: 'Take', data: { seat: 'a' } }, context, { cache });
    // Another gateway fills the room behind this process's back.
    await store.append('room-1', [taken('b'), taken('c')], { expectedRevision: 0n });
    await expect(
      handleCommand(store, room, 'room-1', { type: 'Take', data: { seat: 'd' } }, context, { cache }),
    ).rejects.toMatchObject({ code: 'ROOM.FULL' });
    expect((await store.readStream('room-1')).map((e) => (e.data as { seat: string }).seat)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one fold per decider: another fold of the same stream starts from its own state', async () => {
    const store = new MemoryEventStore();
    const cache = new StreamStateCache();
    await store.append('room-1', [taken('a'), taken('b')], { expectedRevision: 'no_stream' });
    await loadStream(store, room, 'room-1', cache);
    expect((await loadStream(store, counter, 'room-1', cache)).state).toBe(2);
  });

  it('never moves an entry back to an older revision, and forgets the least recently used first', async () => {
    const cache = new StreamStateCache(2);
    cache.set(counter, 's-1', { state: 5, revision: 4n });
    cache.set(counter, 's-1', { state: 2, revision: 1n });
    expect(cache.get(counter, 's-1')).toEqual({ state: 5, revision: 4n });
    cache.set(counter, 's-2', { state: 1, revision: 0n });
    cache.get(counter, 's-1');
    cache.set(counter, 's-3', { state: 1, revision: 0n });
    expect([cache.get(counter, 's-1'), cache.get(counter, 's-2'), cache.size]).toEqual([
      { state: 5, revision: 4n },
      undefined,
      2,
    ]);
  });
});
