import {
  append,
  closed,
  counted,
  exploded,
  noted,
  removed,
  runnerFixture,
  type RunnerFixture,
} from '../testing/runner.testing';
import { checkpointsOf, tableOf } from '../testing/rows.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { dialects } from '../testing/test-databases';
import { ProjectionFailure } from './projection.failure';
import { ProjectionRunner, type CommittedChange } from './projection.runner';
import { openReadDatabase } from './read-database';

describe.each(dialects)('ProjectionRunner on %s', (dialect) => {
  let fx: RunnerFixture;
  const runners: ProjectionRunner[] = [];
  const runner = (options: { explode?: boolean; batchSize?: number; rowCacheSize?: number } = {}): ProjectionRunner => {
    const { batchSize, rowCacheSize } = options;
    const r = new ProjectionRunner({
      store: fx.store,
      db: fx.read.db,
      projections: [streamCounts(options), typeCounts],
      batchSize,
      rowCacheSize,
    });
    runners.push(r);
    return r;
  };
  const streams = () => tableOf(fx.read.db, 'stream_counts', 'stream_id');
  const types = () => tableOf(fx.read.db, 'type_counts', 'type');

  beforeEach(async () => {
    fx = await runnerFixture(dialect);
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await fx.dispose();
  });

  it('folds history and live events into rows, deletes rows that become null, reads flags back as 1/0', async () => {
    await append(fx.store, 'count-a', [counted(2), counted(3)]);
    await append(fx.store, 'count-b', [counted(), closed()]);
    const r = runner();
    await r.start();
    await r.waitForPosition(4n);
    const head = await append(fx.store, 'count-c', [counted(), removed()]);
    await append(fx.store, 'count-a', [closed()]);
    await r.waitForPosition(head + 1n);
    expect(await streams()).toEqual([
      { stream_id: 'count-a', count: 5, last_type: 'Closed', closed: 1 },
      { stream_id: 'count-b', count: 1, last_type: 'Closed', closed: 1 },
    ]);
    expect(await types()).toEqual([
      { type: 'Closed', count: 2 },
      { type: 'Counted', count: 4 },
      { type: 'Removed', count: 1 },
    ]);
    expect(await checkpointsOf(fx.read.db)).toEqual({ 'stream-counts': '7', 'type-counts': '7' });
  });

  it('reports each commit with the projection, the keys whose rows changed and the position', async () => {
    const r = runner();
    const changes: CommittedChange[] = [];
    r.onCommitted((c) => changes.push(c));
    await r.start();
    const position = await append(fx.store, 'count-a', [counted(), exploded(false)]);
    await r.waitForPosition(position);
    await append(fx.store, 'count-b', [removed()]);
    await r.waitForPosition(position + 1n);
    expect(changes).toEqual([
      { projection: 'stream-counts', keys: ['count-a'], position: 2n },
      { projection: 'type-counts', keys: ['Counted'], position: 2n },
      // Removing a row that never existed changes nothing in stream-counts.
      { projection: 'type-counts', keys: ['Removed'], position: 3n },
    ]);
  });

  it('hands each committed batch to onBatchCommitted, its rows already visible to readers', async () => {
    const r = runner();
    const seen: { positions: string[]; counted: number }[] = [];
    const pending: Promise<void>[] = [];
    r.onBatchCommitted((events) => {
      pending.push(
        types().then((rows) => {
          const row = rows.find((t) => (t as { type: string }).type === 'Counted') as { count: number } | undefined;
          seen.push({ positions: events.map((e) => String(e.position)), counted: row?.count ?? 0 });
        }),
      );
    });
    await r.start();
    const position = await append(fx.store, 'count-a', [counted(), counted()]);
    await r.waitForPosition(position);
    await Promise.all(pending);
    expect(seen).toEqual([{ positions: ['1', '2'], counted: 2 }]);
  });

  it('resumes from its checkpoint after a restart and counts nothing twice', async () => {
    await append(fx.store, 'count-a', [counted(), counted()]);
    const first = runner();
    await first.start();
    await first.waitForPosition(2n);
    await first.stop();
    await append(fx.store, 'count-a', [counted()]);
    await append(fx.store, 'count-b', [counted()]);
    const second = runner();
    const changed: string[] = [];
    second.onCommitted((c) => changed.push(...c.keys));
    await second.start();
    await second.waitForPosition(4n);
    expect(await streams()).toEqual([
      { stream_id: 'count-a', count: 3, last_type: 'Counted', closed: 0 },
      { stream_id: 'count-b', count: 1, last_type: 'Counted', closed: 0 },
    ]);
    expect(await types()).toEqual([{ type: 'Counted', count: 4 }]);
    expect(changed.sort()).toEqual(['Counted', 'count-a', 'count-b']);
  });

  it('changes nothing when events a projection already has are replayed to it', async () => {
    for (let i = 0; i < 20; i++)
      await append(fx.store, `count-${i % 3}`, [counted(i), i % 5 === 0 ? closed() : counted()]);
    const r = runner({ batchSize: 7 });
    await r.start();
    await r.waitForPosition(40n);
    const before = { streams: await streams(), types: await types() };
    const changes: CommittedChange[] = [];
    r.onCommitted((c) => changes.push(c));
    // type-counts starts over from the beginning; stream-counts sees the same 40 events again.
    await r.rebuild(['type-counts']);
    expect({ streams: await streams(), types: await types() }).toEqual(before);
    expect(changes.filter((c) => c.projection === 'stream-counts')).toEqual([]);
    expect(changes.some((c) => c.projection === 'type-counts')).toBe(true);
  });

  it('rolls back rows and checkpoints of a batch whose apply throws, and stops on that event', async () => {
    await append(fx.store, 'count-a', [counted()]);
    const r = runner();
    const errors: ProjectionFailure[] = [];
    r.onError((e) => errors.push(e));
    await r.start();
    await r.waitForPosition(1n);
    await r.stop();
    // One batch: a good event, the bad one, another good one.
    await append(fx.store, 'count-a', [counted()]);
    await append(fx.store, 'count-b', [exploded()]);
    await append(fx.store, 'count-c', [counted()]);
    await r.start();
    const failure = await r.waitForPosition(4n).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProjectionFailure);
    expect((failure as Error).message).toMatch(
      /^Projection "stream-counts" failed on Exploded [0-9a-f-]+ \(stream count-b, position 3\): boom$/,
    );
    expect(errors).toEqual([failure]);
    expect((await r.status()).running).toBe(false);
    expect(await streams()).toEqual([{ stream_id: 'count-a', count: 1, last_type: 'Counted', closed: 0 }]);
    expect(await types()).toEqual([{ type: 'Counted', count: 1 }]);
    expect(await checkpointsOf(fx.read.db)).toEqual({ 'stream-counts': '1', 'type-counts': '1' });

    const fixed = runner({ explode: false });
    await fixed.start();
    await fixed.waitForPosition(4n);
    expect(await streams()).toEqual([
      { stream_id: 'count-a', count: 2, last_type: 'Counted', closed: 0 },
      { stream_id: 'count-b', count: 0, last_type: 'Exploded', closed: 0 },
      { stream_id: 'count-c', count: 1, last_type: 'Counted', closed: 0 },
    ]);
  });

  it('rebuilds from scratch to exactly the rows it built incrementally', async () => {
    const r = runner({ batchSize: 3 });
    await r.start();
    let head = 0n;
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 5; i++) {
        const stream = `count-${(round * 7 + i) % 6}`;
        const events = round % 4 === 3 && i === 2 ? [removed()] : [counted(round + i), ...(i === 4 ? [closed()] : [])];
        head = await append(fx.store, stream, events);
      }
      await r.waitForPosition(head);
    }
    const incremental = { streams: await streams(), types: await types() };
    expect(incremental.streams.length).toBeGreaterThan(2);
    await fx.read.db.updateTable('stream_counts').set({ count: -1 }).execute();
    await r.rebuild();
    expect({ streams: await streams(), types: await types() }).toEqual(incremental);
    expect(await checkpointsOf(fx.read.db)).toEqual({ 'stream-counts': String(head), 'type-counts': String(head) });
    expect((await r.status()).running).toBe(true);
    await r.stop();
    // Rows come from the database instead of the row cache when it is off or overflows.
    for (const rowCacheSize of [0, 2]) {
      await runner({ batchSize: 4, rowCacheSize }).rebuild();
      expect({ streams: await streams(), types: await types() }).toEqual(incremental);
    }
  });

  it('stops gracefully: what it committed matches its checkpoint, and it goes on from there', async () => {
    const r = runner({ batchSize: 50 });
    await r.start();
    for (let i = 0; i < 40; i++)
      await append(
        fx.store,
        `count-${i % 4}`,
        Array.from({ length: 25 }, () => counted()),
      );
    await r.stop();
    const checkpoint = BigInt((await checkpointsOf(fx.read.db))['stream-counts']);
    const total = (await streams()).reduce((sum, row) => sum + Number(row['count']), 0);
    expect(BigInt(total)).toBe(checkpoint);
    await r.start();
    await r.waitForPosition(1000n);
    expect((await streams()).map((row) => row['count'])).toEqual([250, 250, 250, 250]);
  });

  it('lets only one of two runners on the same read database write a projection', async () => {
    const other = openReadDatabase(fx.url);
    try {
      const first = runner();
      const second = new ProjectionRunner({ store: fx.store, db: other.db, projections: [streamCounts(), typeCounts] });
      runners.push(second);
      const failures: ProjectionFailure[] = [];
      for (const r of [first, second]) r.onError((e) => failures.push(e));
      await Promise.all([first.start(), second.start()]);
      let head = 0n;
      for (let i = 0; i < 10; i++) head = await append(fx.store, `count-${i % 2}`, [counted()]);
      const outcomes = await Promise.allSettled([first.waitForPosition(head), second.waitForPosition(head)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(failures.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /checkpoint of "(stream|type)-counts" moved under this runner: another runner is writing/,
        ),
      ]);
      expect((await streams()).map((row) => row['count'])).toEqual([5, 5]);
      expect(await types()).toEqual([{ type: 'Counted', count: 10 }]);
    } finally {
      for (const r of runners) await r.stop();
      await other.close();
    }
  });

  it('tells how far behind the store it is', async () => {
    await append(fx.store, 'count-a', [counted(), counted()]);
    const r = runner();
    expect(await r.status()).toMatchObject({
      running: false,
      head: 2n,
      processed: null,
      upToDate: false,
      checkpoints: { 'stream-counts': null },
    });
    await r.start();
    await r.waitForPosition(2n);
    await append(fx.store, 'note-a', [noted()]);
    expect(await r.status()).toMatchObject({
      running: true,
      caughtUp: true,
      head: 3n,
      processed: 2n,
      upToDate: true,
      checkpoints: { 'stream-counts': 2n },
    });
  });
});
