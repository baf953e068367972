import { sql } from 'kysely';
import { append, counted, runnerFixture, type RunnerFixture } from '../testing/runner.testing';
import { streamCounts, typeCounts } from '../testing/stream-counts.projection';
import { READ_MODELS_CHANNEL } from './pg.listener';
import { ProjectionRunner, type CommittedChange } from './projection.runner';
import { openReadDatabase, type ReadDatabase } from './read-database';
import { ReadModelFollower } from './read-model.follower';

const HOUR = 3_600_000;

/**
 * The projector's runner and a gateway's follower on two connections of a real PostgreSQL, as in
 * two processes. Every poll of the follower is an hour away: only the runner's NOTIFY, delivered
 * at its commit, can wake it within the test's time.
 */
describe('ReadModelFollower woken by LISTEN/NOTIFY on postgres', () => {
  let fx: RunnerFixture;
  let runner: ProjectionRunner;
  let gatewayDb: ReadDatabase;
  let follower: ReadModelFollower;
  const warnings: string[] = [];

  beforeEach(async () => {
    fx = await runnerFixture('postgres');
    gatewayDb = openReadDatabase(fx.url);
    runner = new ProjectionRunner({
      store: fx.store,
      db: fx.read.db,
      projections: [streamCounts(), typeCounts],
      changeLog: { notify: true },
    });
    follower = new ReadModelFollower({
      store: fx.store,
      db: gatewayDb.db,
      projections: [streamCounts(), typeCounts],
      activePollMs: HOUR,
      idlePollMs: HOUR,
      listeningPollMs: HOUR,
      listen: (channel, onNotify, options) =>
        (gatewayDb.listen as NonNullable<ReadDatabase['listen']>)(channel, onNotify, { ...options, retryMs: 20 }),
      log: { warn: (m) => warnings.push(m) },
    });
  });
  afterEach(async () => {
    await follower.stop();
    await runner.stop();
    await gatewayDb.close();
    await fx.dispose();
  });

  /** Waits (no deadline but the test's) until the follower has read the database `count` times. */
  const polled = async (count: number): Promise<void> => {
    while (follower.polls < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('wakes a waiter at the commit that reaches its position', async () => {
    await follower.start();
    // Its first read (at the LISTEN) is done; from here on only a waiter or a NOTIFY makes it read.
    await polled(1);
    const position = await append(fx.store, 'count-a', [counted(3)]);
    const waiting = follower.waitForPosition(position, HOUR);
    // The read the new waiter asked for found nothing: the follower now sleeps for an hour.
    await polled(2);
    await runner.start();
    await waiting;
    expect((await follower.status()).processed).toBe(position);
  });

  it('tells the listeners of each commit as it happens', async () => {
    const heard: CommittedChange[] = [];
    const twoHeard = new Promise<void>((resolve) =>
      follower.onCommitted((change) => {
        heard.push(change);
        if (heard.length === 2) resolve();
      }),
    );
    await follower.start();
    await polled(1);
    await runner.start();
    const position = await append(fx.store, 'count-a', [counted()]);
    await twoHeard;
    expect(heard).toEqual([
      { projection: 'stream-counts', keys: ['count-a'], position },
      { projection: 'type-counts', keys: ['Counted'], position },
    ]);
  });

  it('listens again on a new connection when its connection is killed', async () => {
    const heard: CommittedChange[] = [];
    const heardOne = new Promise<void>((resolve) =>
      follower.onCommitted((change) => {
        heard.push(change);
        resolve();
      }),
    );
    await follower.start();
    await polled(1);
    const killed = await sql<{ killed: boolean }>`
      select pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = current_database() and query = ${`LISTEN ${READ_MODELS_CHANNEL}`}`.execute(fx.read.db);
    expect(killed.rows).toEqual([{ killed: true }]);
    // The new connection reads once (a commit may have gone unheard meanwhile), then sleeps.
    await polled(2);
    await runner.start();
    const position = await append(fx.store, 'count-b', [counted()]);
    await heardOne;
    expect(heard[0]).toEqual({ projection: 'stream-counts', keys: ['count-b'], position });
    expect(warnings.some((w) => w.startsWith('listening for read-model commits'))).toBe(true);
  });
});
