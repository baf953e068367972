import { append, counted, noted, runnerFixture, type RunnerFixture } from '../testing/runner.testing';
import { tableOf } from '../testing/rows.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { dialects } from '../testing/test-databases';
import { ProjectionRunner, type CommittedChange } from './projection.runner';
import { openReadDatabase, type ReadDatabase } from './read-database';
import { ReadModelFollower } from './read-model.follower';

/** The projector's runner on one connection, the gateway's follower on another, as in two processes. */
describe.each(dialects)('ReadModelFollower on %s', (dialect) => {
  let fx: RunnerFixture;
  let runner: ProjectionRunner;
  let gatewayDb: ReadDatabase;
  const followers: ReadModelFollower[] = [];
  const follower = (options: { idlePollMs?: number } = {}): ReadModelFollower => {
    const f = new ReadModelFollower({
      store: fx.store,
      db: gatewayDb.db,
      projections: [streamCounts(), typeCounts],
      ...options,
    });
    followers.push(f);
    return f;
  };

  beforeEach(async () => {
    fx = await runnerFixture(dialect);
    gatewayDb = openReadDatabase(fx.url);
    runner = new ProjectionRunner({
      store: fx.store,
      db: fx.read.db,
      projections: [streamCounts(), typeCounts],
      changeLog: true,
    });
  });
  afterEach(async () => {
    for (const f of followers.splice(0)) await f.stop();
    await runner.stop();
    await gatewayDb.close();
    await fx.dispose();
  });

  it('lets a write be read back through its own connection once the projector has it', async () => {
    await runner.start();
    const f = follower();
    await f.start();
    const position = await append(fx.store, 'count-a', [counted(4)]);
    await f.waitForPosition(position, 2_000);
    expect(await tableOf(gatewayDb.db, 'stream_counts', 'stream_id')).toEqual([
      { stream_id: 'count-a', count: 4, last_type: 'Counted', closed: 0 },
    ]);
  });

  it('does not hold a wait for an event no projection handles', async () => {
    await runner.start();
    const f = follower();
    await f.start();
    await f.waitForPosition(await append(fx.store, 'count-a', [counted()]), 2_000);
    // Nothing will ever move a checkpoint to this position: only the store can say it is reached.
    await f.waitForPosition(await append(fx.store, 'note-a', [noted()]), 2_000);
    expect(await f.status()).toMatchObject({ processed: 1n, head: 2n, upToDate: true });
  });

  it('answers the first waiter of an idle follower at once, not after the idle interval', async () => {
    await runner.start();
    const f = follower({ idlePollMs: 60_000 });
    await f.start();
    // Well short of the idle interval: only a poll the waiter asked for can see the commit.
    await f.waitForPosition(await append(fx.store, 'count-a', [counted()]), 5_000);
  });

  it('serves a burst of waiters with the same polls', async () => {
    await runner.start();
    const f = follower();
    await f.start();
    const positions = await Promise.all(
      Array.from({ length: 200 }, (_, i) => append(fx.store, `count-${i % 7}`, [counted()])),
    );
    await Promise.all(positions.map((p) => f.waitForPosition(p, 5_000)));
    const rows = await tableOf(gatewayDb.db, 'stream_counts', 'stream_id');
    expect(rows.reduce((sum, row) => sum + Number(row['count']), 0)).toBe(200);
  });

  it('times out, naming the lowest checkpoint, while no projector runs', async () => {
    const f = follower();
    await f.start();
    const position = await append(fx.store, 'count-a', [counted()]);
    await expect(f.waitForPosition(position, 200)).rejects.toThrow(
      /did not reach position 1 within 200 ms \(lowest checkpoint: none\)/,
    );
    // The projector starts late: the next wait succeeds.
    await runner.start();
    await f.waitForPosition(position, 2_000);
  });

  it('tells its listeners what the projector committed after it started, in order', async () => {
    await runner.start();
    await runner.waitForPosition(await append(fx.store, 'count-old', [counted()]));
    const f = follower();
    const heard: CommittedChange[] = [];
    f.onCommitted((c) => heard.push(c));
    await f.start();
    const first = await append(fx.store, 'count-a', [counted()]);
    await f.waitForPosition(first);
    const second = await append(fx.store, 'count-b', [counted()]);
    await f.waitForPosition(second);
    for (let waited = 0; heard.length < 4 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toEqual([
      { projection: 'stream-counts', keys: ['count-a'], position: first },
      { projection: 'type-counts', keys: ['Counted'], position: first },
      { projection: 'stream-counts', keys: ['count-b'], position: second },
      { projection: 'type-counts', keys: ['Counted'], position: second },
    ]);
  });

  it('goes on telling the others when one listener throws', async () => {
    await runner.start();
    const warnings: string[] = [];
    const f = new ReadModelFollower({
      store: fx.store,
      db: gatewayDb.db,
      projections: [streamCounts(), typeCounts],
      log: { warn: (m) => warnings.push(m) },
    });
    followers.push(f);
    const heard: string[] = [];
    f.onCommitted(() => {
      throw new Error('subscriber bug');
    });
    f.onCommitted((c) => heard.push(c.projection));
    await f.start();
    await runner.waitForPosition(await append(fx.store, 'count-a', [counted()]));
    for (let waited = 0; heard.length < 2 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard.sort()).toEqual(['stream-counts', 'type-counts']);
    expect(warnings[0]).toMatch(/not delivered: Error: subscriber bug/);
  });

  it('reports the checkpoints and whether the read models are up to date', async () => {
    await append(fx.store, 'count-a', [counted(), counted()]);
    const f = follower();
    await f.start();
    expect(await f.status()).toMatchObject({
      following: true,
      head: 2n,
      processed: null,
      upToDate: false,
      checkpoints: { 'stream-counts': null },
      failure: null,
    });
    await runner.start();
    await f.waitForPosition(2n, 2_000);
    await append(fx.store, 'note-a', [noted()]);
    expect(await f.status()).toMatchObject({
      following: true,
      head: 3n,
      processed: 2n,
      upToDate: true,
      checkpoints: { 'stream-counts': 2n, 'type-counts': 2n },
    });
    await f.stop();
    expect((await f.status()).following).toBe(false);
  });
});
