import { randomUUID } from 'node:crypto';
import {
  handleCommandBatch,
  IllegalStateError,
  StreamStateCache,
  type AppendOptions,
  type AppendResult,
  type BatchedCommand,
  type Command,
  type CommandContext,
  type Decider,
  type EventToAppend,
} from '@sooc/event-sourcing';
import { MemoryEventStore } from './lib/memory.event-store';

type Take = Command<'Take', { seat: string }>;
type SeatTaken = { type: 'SeatTaken'; data: { seat: string } };
type Room = { status: 'open'; seats: readonly string[] };

const room: Decider<Take, SeatTaken, Room> = {
  initialState: () => ({ status: 'open', seats: [] }),
  evolve: (state, event) => ({ ...state, seats: [...state.seats, event.data.seat] }),
  decide: (command, state) => {
    if (state.seats.includes(command.data.seat)) return [];
    if (state.seats.length >= 3) throw new IllegalStateError('ROOM.FULL', 'No seat left');
    return [{ type: 'SeatTaken', data: { seat: command.data.seat } }];
  },
};

const NOW = new Date('2026-03-03T09:00:00.000Z');
const take = (seat: string): BatchedCommand<Take> => ({
  command: { type: 'Take', data: { seat } },
  context: {
    actor: { id: 'reactor', role: 'system' },
    correlationId: `corr-${seat}`,
    causationId: `cause-${seat}`,
    now: () => NOW,
  } satisfies CommandContext,
});
const meta = {
  occurredAt: NOW.toISOString(),
  actor: { id: 'x', role: 'admin' as const },
  correlationId: 'c',
  causationId: null,
  schemaVersion: 1,
};
const taken = (seat: string): EventToAppend => ({
  id: randomUUID(),
  type: 'SeatTaken',
  data: { seat },
  metadata: meta,
});

class CountingStore extends MemoryEventStore {
  appends = 0;
  failNext = false;
  override append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.appends++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('disk full'));
    }
    return super.append(streamId, events, options);
  }
}

describe('handleCommandBatch', () => {
  it('decides each command on the state the previous left, refuses alone what must be refused, and writes once', async () => {
    const store = new CountingStore();
    const outcomes = await handleCommandBatch(store, room, 'room-1', ['a', 'b', 'a', 'c', 'd'].map(take));
    expect(outcomes.map((o) => (o.ok ? o.events.length : o.error.code))).toEqual([1, 1, 0, 1, 'ROOM.FULL']);
    const stored = await store.readStream('room-1');
    expect(store.appends).toBe(1);
    // Each event keeps the correlation and causation of the command that made it.
    expect(
      stored.map((e) => [(e.data as { seat: string }).seat, e.metadata.correlationId, e.metadata.causationId]),
    ).toEqual([
      ['a', 'corr-a', 'cause-a'],
      ['b', 'corr-b', 'cause-b'],
      ['c', 'corr-c', 'cause-c'],
    ]);
  });

  it('re-decides the whole batch when another writer got there first', async () => {
    const store = new MemoryEventStore();
    const cache = new StreamStateCache();
    await handleCommandBatch(store, room, 'room-1', [take('a')], { cache });
    await store.append('room-1', [taken('b'), taken('c')], { expectedRevision: 0n });
    const outcomes = await handleCommandBatch(store, room, 'room-1', [take('d'), take('b')], { cache });
    expect(outcomes.map((o) => (o.ok ? o.events.length : o.error.code))).toEqual(['ROOM.FULL', 0]);
    expect(await store.readStream('room-1')).toHaveLength(3);
  });

  it('writes nothing when every command is refused or a repeat', async () => {
    const store = new CountingStore();
    await handleCommandBatch(store, room, 'room-1', ['a', 'b', 'c'].map(take));
    const outcomes = await handleCommandBatch(store, room, 'room-1', ['a', 'z'].map(take));
    expect(outcomes.map((o) => (o.ok ? o.position : o.error.code))).toEqual([null, 'ROOM.FULL']);
    expect(store.appends).toBe(1);
  });

  it('rejects the whole batch when the store fails, having written none of it', async () => {
    const store = new CountingStore();
    store.failNext = true;
    await expect(handleCommandBatch(store, room, 'room-1', ['a', 'b'].map(take))).rejects.toThrow('disk full');
    expect(await store.readStream('room-1')).toEqual([]);
  });
});
