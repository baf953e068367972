import { loadCheckpoints, migrateToLatest, openReadDatabase, type ReadDatabase } from '@sooc/read-store';
import { dialects, testDatabase, type TestDatabase } from '@sooc/read-store/testing';
import { REACTOR_CHECKPOINT, ReactorCheckpoint } from './reactor.checkpoint';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(dialects)('the reactor checkpoint on %s', (dialect) => {
  let target: TestDatabase;
  let read: ReadDatabase;
  beforeEach(async () => {
    target = await testDatabase(dialect);
    read = openReadDatabase(target.url);
    await migrateToLatest(read.db);
  });
  afterEach(async () => {
    await read.close();
    await target.dispose();
  });

  const stored = async () => (await loadCheckpoints(read.db, [REACTOR_CHECKPOINT])).get(REACTOR_CHECKPOINT) ?? null;

  it('starts from nothing, then from what was saved', async () => {
    const first = new ReactorCheckpoint(read.db);
    expect(await first.load()).toBeNull();
    first.markHandled(7n);
    await first.save();
    expect(await new ReactorCheckpoint(read.db).load()).toBe(7n);
  });

  it('is due after 100 handled events, or once the oldest unsaved one is 250 ms old', async () => {
    const checkpoint = new ReactorCheckpoint(read.db);
    await checkpoint.load();
    expect(checkpoint.due).toBe(false);
    for (let p = 1n; p <= 99n; p++) checkpoint.markHandled(p);
    expect(checkpoint.due).toBe(false);
    checkpoint.markHandled(100n);
    expect(checkpoint.due).toBe(true);
    await checkpoint.save();
    expect({ due: checkpoint.due, saved: checkpoint.saved, stored: await stored() }).toEqual({
      due: false,
      saved: 100n,
      stored: 100n,
    });

    checkpoint.markHandled(101n);
    expect(checkpoint.due).toBe(false);
    await sleep(260);
    expect(checkpoint.due).toBe(true);
  });

  it('only ever moves the stored position forward, and saving twice writes once', async () => {
    const checkpoint = new ReactorCheckpoint(read.db, { maxEvents: 1, maxMs: 1_000 });
    await checkpoint.load();
    checkpoint.markHandled(5n);
    await Promise.all([checkpoint.save(), checkpoint.save()]);
    expect(await stored()).toBe(5n);
    // A position behind the saved one is not written back.
    checkpoint.markHandled(4n);
    await checkpoint.save();
    expect(await stored()).toBe(5n);
  });

  it('never writes over a position further on: a reactor that lost its lease saves after the one that took over', async () => {
    const taken = new ReactorCheckpoint(read.db);
    await taken.load();
    const stale = new ReactorCheckpoint(read.db);
    await stale.load();
    taken.markHandled(120n);
    await taken.save();
    stale.markHandled(99n);
    await stale.save();
    expect(await stored()).toBe(120n);
    // Compared as numbers, not as text ("99" > "120").
    taken.markHandled(1_000n);
    await taken.save();
    expect(await stored()).toBe(1_000n);
  });
});
