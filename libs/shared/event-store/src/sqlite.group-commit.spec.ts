import Database from 'better-sqlite3';
import { ConcurrencyError, IllegalStateError, ValidationError } from '@sooc/event-sourcing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './lib/sqlite.event-store';
import { event, events, summarise as show, take } from './testing/contract.fixture';

describe('SqliteEventStore specifics', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: Parameters<typeof SqliteEventStore.open>[1] = {}) => {
    const store = SqliteEventStore.open(file, options);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-es-gc-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every append of one event-loop turn in one transaction', async () => {
    let transactions = 0;
    // The clock is read once per transaction, so it counts them.
    const store = open({ clock: () => (transactions++, new Date()) });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`thing-${i}`, [event()], { expectedRevision: 'no_stream' })),
    );
    expect(transactions).toBe(1);
    await store.append('thing-x', [event()], { expectedRevision: 'any' });
    await store.append('thing-x', [event()], { expectedRevision: 'any' });
    expect(transactions).toBe(3);
  });

  it('lets each append of a batch succeed or fail on its own, in arrival order per stream', async () => {
    const store = open();
    const [a, b, c, d] = await Promise.allSettled([
      store.append('thing-1', [event()], { expectedRevision: 'no_stream' }),
      store.append('thing-1', events(3), { expectedRevision: 'no_stream' }),
      store.append('thing-1', [event()], { expectedRevision: 0n }),
      store.append('thing-2', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(b).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(c).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    expect(d).toMatchObject({ status: 'fulfilled' });
    expect((await store.readAll()).map((e) => `${e.streamId}@${e.revision}`)).toEqual([
      'thing-1@0',
      'thing-1@1',
      'thing-2@0',
    ]);
  });

  it('undoes an append that fails half-way without touching the rest of its batch', async () => {
    const store = open();
    const taken = event();
    await store.append('thing-0', [taken], { expectedRevision: 'no_stream' });
    const [a, b, c] = await Promise.allSettled([
      store.append('thing-1', events(2), { expectedRevision: 'no_stream' }),
      // Its first event is inserted before the second turns out to be taken: that insert must go.
      store.append('thing-2', [event(), taken], { expectedRevision: 'no_stream' }),
      store.append('thing-2', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'EVENT.ID_TAKEN' } });
    expect(c).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect((await store.readAll()).map((e) => `${e.streamId}@${e.revision}`)).toEqual([
      'thing-0@0',
      'thing-1@0',
      'thing-1@1',
      'thing-2@0',
    ]);
  });

  it('refuses an event id already stored in another stream', async () => {
    const store = open();
    const e = event();
    await store.append('thing-1', [e], { expectedRevision: 'any' });
    await expect(store.append('thing-2', [e], { expectedRevision: 'any' })).rejects.toMatchObject({
      code: 'EVENT.ID_TAKEN',
    });
    await expect(store.append('thing-2', [event(), e], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await store.readStream('thing-2')).toEqual([]);
  });

  it('close() lets queued appends commit, then refuses new ones; the file keeps them', async () => {
    const store = open();
    const pending = store.append('thing-1', events(2), { expectedRevision: 'no_stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(store.append('thing-1', [event()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      IllegalStateError,
    );
    await expect(store.readAll()).rejects.toMatchObject({ code: 'STORE.CLOSED' });
    const reopened = open();
    expect(await reopened.readStream('thing-1')).toHaveLength(2);
  });

  it('waits for the write lock of another connection without blocking the event loop, up to busyTimeoutMs', async () => {
    const store = open({ busyTimeoutMs: 2000 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const appended = store.append('thing-1', [event()], { expectedRevision: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    other.exec('COMMIT');
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0n });
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);

    const impatient = open({ busyTimeoutMs: 30 });
    other.exec('BEGIN IMMEDIATE');
    const refused = impatient.append('thing-2', [event()], { expectedRevision: 'no_stream' });
    await expect(refused).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('COMMIT');
    other.close();
    expect(await store.readStream('thing-2')).toEqual([]);
  });

  it('keeps its schema version in user_version and runs in WAL mode', async () => {
    await open().close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('feeds a subscription in batches (one batch in memory at a time) with one caught-up', async () => {
    const store = open({ subscriptionBatchSize: 10 });
    for (let i = 0; i < 7; i++) await store.append(`thing-${i}`, events(5), { expectedRevision: 'no_stream' });
    const messages = show(await take(store.subscribeAll(), 36));
    expect(messages.filter((m) => m === 'caught-up')).toEqual(['caught-up']);
    expect(messages[35]).toBe('caught-up');
    expect(messages.slice(0, 35)).toEqual((await store.readAll()).map((e) => `${e.streamId}@${e.revision}`));
  });

  it('a second connection to the same file shares the history and its live subscriptions see our appends by polling', async () => {
    const writer = open();
    const reader = open({ pollMs: 10 });
    const subscription = reader.subscribeAll();
    expect(show(await take(subscription, 1))).toEqual(['caught-up']);
    const live = take(subscription, 3);
    await Promise.all([
      writer.append('thing-1', events(2), { expectedRevision: 'no_stream' }),
      reader.append('thing-2', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(show(await live).sort()).toEqual(['thing-1@0', 'thing-1@1', 'thing-2@0']);
    await expect(reader.append('thing-1', [event()], { expectedRevision: 0n })).rejects.toMatchObject({ actual: 1n });
  });
});
