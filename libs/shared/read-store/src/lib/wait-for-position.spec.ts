import { append, counted, noted, runnerFixture, type RunnerFixture } from '../testing/runner.testing';
import { tableOf } from '../testing/rows.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { dialects } from '../testing/test-databases';
import { ProjectionRunner } from './projection.runner';

describe.each(dialects)('ProjectionRunner.waitForPosition on %s', (dialect) => {
  let fx: RunnerFixture;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    fx = await runnerFixture(dialect);
    runner = new ProjectionRunner({ store: fx.store, db: fx.read.db, projections: [streamCounts(), typeCounts] });
  });
  afterEach(async () => {
    await runner.stop();
    await fx.dispose();
  });

  it('resolves once the row written by that position can be read', async () => {
    await runner.start();
    const position = await append(fx.store, 'count-a', [counted(7)]);
    await runner.waitForPosition(position, 2_000);
    expect(await tableOf(fx.read.db, 'stream_counts', 'stream_id')).toEqual([
      { stream_id: 'count-a', count: 7, last_type: 'Counted', closed: 0 },
    ]);
  });

  it('resolves for an event no projection handles, once the events before it are in', async () => {
    await runner.start();
    await append(fx.store, 'count-a', [counted()]);
    const position = await append(fx.store, 'note-a', [noted(), noted()]);
    const started = Date.now();
    await runner.waitForPosition(position, 2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await tableOf(fx.read.db, 'stream_counts', 'stream_id')).toHaveLength(1);
  });

  it('resolves at once for a position the read models already passed', async () => {
    await append(fx.store, 'count-a', [counted(), counted()]);
    await runner.start();
    await runner.waitForPosition(2n, 2_000);
    await runner.waitForPosition(1n, 0);
  });

  it('rejects after the timeout while an event it needs is not projected', async () => {
    const position = await append(fx.store, 'count-a', [counted()]);
    await expect(runner.waitForPosition(position, 300)).rejects.toThrow(
      /did not reach position 1 within 300 ms \(lowest checkpoint: none\)/,
    );
  });

  it('waits for a position that does not exist yet until its event arrives', async () => {
    await runner.start();
    const waiting = runner.waitForPosition(2n, 3_000);
    await append(fx.store, 'count-a', [counted()]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await append(fx.store, 'count-b', [counted()]);
    await waiting;
    expect(await tableOf(fx.read.db, 'stream_counts', 'stream_id')).toHaveLength(2);
  });
});
