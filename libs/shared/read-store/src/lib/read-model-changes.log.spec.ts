import { append, counted, noted, removed, runnerFixture, type RunnerFixture } from '../testing/runner.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { dialects } from '../testing/test-databases';
import { ProjectionRunner, type CommittedChange } from './projection.runner';
import { openReadDatabase } from './read-database';
import { changesAfter, latestChangeSeq } from './read-model-changes.log';

describe.each(dialects)('the change log written by the ProjectionRunner on %s', (dialect) => {
  let fx: RunnerFixture;
  const runners: ProjectionRunner[] = [];
  const runner = (changeLog: boolean | { retentionMs: number } = true): ProjectionRunner => {
    const r = new ProjectionRunner({
      store: fx.store,
      db: fx.read.db,
      projections: [streamCounts(), typeCounts],
      changeLog,
    });
    runners.push(r);
    return r;
  };

  beforeEach(async () => {
    fx = await runnerFixture(dialect);
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await fx.dispose();
  });

  it('holds one row per projection per batch whose rows changed, in commit order, as the runner announced them', async () => {
    const r = runner();
    const announced: unknown[] = [];
    r.onCommitted((c) => announced.push(c));
    await r.start();
    const first = await append(fx.store, 'count-a', [counted(), counted()]);
    await r.waitForPosition(first);
    // Changes nothing in stream-counts (no such row), one type count in type-counts.
    const second = await append(fx.store, 'count-b', [removed()]);
    await r.waitForPosition(second);
    // No projection handles it: no batch, no row.
    await r.waitForPosition(await append(fx.store, 'note-a', [noted()]));
    const logged = await changesAfter(fx.read.db, 0, 100);
    expect(logged).toEqual([
      { seq: 1, projection: 'stream-counts', keys: ['count-a'], position: 2n },
      { seq: 2, projection: 'type-counts', keys: ['Counted'], position: 2n },
      { seq: 3, projection: 'type-counts', keys: ['Removed'], position: 3n },
    ]);
    expect(logged.map(({ seq: _seq, ...change }) => change)).toEqual(announced);
    expect(await changesAfter(fx.read.db, 2, 100)).toEqual([logged[2]]);
    expect(await latestChangeSeq(fx.read.db)).toBe(3);
  });

  it('is left alone by a runner that was not asked to write it', async () => {
    const r = runner(false);
    await r.start();
    await r.waitForPosition(await append(fx.store, 'count-a', [counted()]));
    expect(await latestChangeSeq(fx.read.db)).toBe(0);
  });

  it('gets no row from a runner whose batch rolled back (a second runner on the same database)', async () => {
    const other = openReadDatabase(fx.url);
    try {
      const first = runner();
      const second = new ProjectionRunner({
        store: fx.store,
        db: other.db,
        projections: [streamCounts(), typeCounts],
        changeLog: true,
      });
      runners.push(second);
      const announced: CommittedChange[] = [];
      for (const r of [first, second]) r.onCommitted((c) => announced.push(c));
      await Promise.all([first.start(), second.start()]);
      let head = 0n;
      for (let i = 0; i < 10; i++) head = await append(fx.store, `count-${i % 2}`, [counted()]);
      const outcomes = await Promise.allSettled([first.waitForPosition(head), second.waitForPosition(head)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const logged = await changesAfter(fx.read.db, 0, 1_000);
      expect(logged.map(({ seq: _seq, ...change }) => change)).toEqual(announced);
      expect(logged.map((c) => c.seq)).toEqual(logged.map((_, i) => i + 1));
    } finally {
      for (const r of runners) await r.stop();
      await other.close();
    }
  });

  it('keeps numbering after the newest row once older rows are pruned', async () => {
    const r = runner({ retentionMs: 0 });
    await r.start();
    await r.waitForPosition(await append(fx.store, 'count-a', [counted()]));
    // A mark (the newest seq) is taken at most once a second; a batch prunes up to the expired marks.
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await r.waitForPosition(await append(fx.store, 'count-b', [counted()]));
    expect((await changesAfter(fx.read.db, 0, 100)).map((c) => c.seq)).toEqual([3, 4]);
    await r.waitForPosition(await append(fx.store, 'count-c', [counted()]));
    expect((await changesAfter(fx.read.db, 0, 100)).map((c) => c.seq)).toEqual([5, 6]);
    expect(await latestChangeSeq(fx.read.db)).toBe(6);
  });
});
