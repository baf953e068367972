import { dialects, testDatabase, type TestDatabase } from '../testing/test-databases';
import { migrateToLatest } from './migrate';
import { openReadDatabase, type ReadDatabase } from './read-database';
import { LeaseLostError, WorkerLease } from './worker.lease';

const TTL = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(dialects)('WorkerLease on %s', (dialect) => {
  let target: TestDatabase;
  /** One connection per instance, as separate processes would have. */
  const opened: ReadDatabase[] = [];
  const connect = (): ReadDatabase => {
    const read = openReadDatabase(target.url);
    opened.push(read);
    return read;
  };
  const lease = (holder: string, ttlMs = TTL, name = 'projector') =>
    new WorkerLease(connect().db, { name, holder, ttlMs });

  beforeEach(async () => {
    target = await testDatabase(dialect);
    await migrateToLatest(connect().db);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((read) => read.close()));
    await target.dispose();
  });

  it('is acquired on an empty table, as generation 1, and says who holds it', async () => {
    const a = lease('a');
    expect(await a.current()).toBeNull();
    expect(a.generation).toBeNull();
    expect(await a.tryAcquire()).toBe(true);
    expect(a.generation).toBe(1n);
    expect(await a.current()).toEqual({
      holder: 'a',
      generation: 1n,
      heartbeat: 0n,
      renewedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await a.tryAcquire()).toBe(true);
    expect(await a.renew()).toBe(true);
    expect((await a.current())?.heartbeat).toBe(2n);
  });

  it('is refused to a second instance for as long as the first renews, well past the ttl', async () => {
    const a = lease('a');
    const b = lease('b');
    expect(await a.tryAcquire()).toBe(true);
    const until = performance.now() + 4 * TTL;
    while (performance.now() < until) {
      expect(await b.tryAcquire()).toBe(false);
      expect(await a.renew()).toBe(true);
      await sleep(TTL / 4);
    }
    expect(b.generation).toBeNull();
    expect((await b.current())?.holder).toBe('a');
  });

  it('is taken over only once the heartbeat has not moved for the ttl, and the old holder learns it lost', async () => {
    const a = lease('a');
    const b = lease('b');
    expect(await a.tryAcquire()).toBe(true);
    const firstSeen = performance.now();
    expect(await b.tryAcquire()).toBe(false);
    await sleep(TTL / 2);
    expect(await b.tryAcquire()).toBe(false);
    await sleep(TTL / 2 + 20);
    expect(await b.tryAcquire()).toBe(true);
    expect(performance.now() - firstSeen).toBeGreaterThanOrEqual(TTL);
    expect(b.generation).toBe(2n);
    expect(await b.current()).toMatchObject({ holder: 'b', generation: 2n, heartbeat: 0n });
    expect(await a.renew()).toBe(false);
    expect(a.generation).toBeNull();
    expect(await a.tryAcquire()).toBe(false);
    expect(await b.renew()).toBe(true);
  });

  it('restarts its wait when the heartbeat moves, so a slow but living holder keeps it', async () => {
    // A longer ttl: the margin below (0.3 ttl) must outlast a busy machine's pauses.
    const ttl = 2.5 * TTL;
    const a = lease('a', ttl);
    const b = lease('b', ttl);
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await sleep(ttl * 0.7);
    expect(await a.renew()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await sleep(ttl * 0.7);
    // 1.4 ttl since b first looked, but only 0.7 since the heartbeat last moved.
    expect(await b.tryAcquire()).toBe(false);
    expect(await a.renew()).toBe(true);
  });

  it('lets exactly one of several standbys take over an expired lease at once (compare-and-swap)', async () => {
    const a = lease('a');
    expect(await a.tryAcquire()).toBe(true);
    const standbys = ['b', 'c', 'd', 'e', 'f', 'g'].map((holder) => lease(holder));
    expect(await Promise.all(standbys.map((s) => s.tryAcquire()))).toEqual(standbys.map(() => false));
    await sleep(TTL + 20);
    const won = await Promise.all(standbys.map((s) => s.tryAcquire()));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = standbys[won.indexOf(true)];
    expect(await winner.current()).toMatchObject({
      generation: 2n,
      holder: ['b', 'c', 'd', 'e', 'f', 'g'][won.indexOf(true)],
    });
    expect(await Promise.all(standbys.map((s) => s.renew()))).toEqual(won);
  });

  it('lets exactly one of several instances create the row on an empty table', async () => {
    const instances = ['a', 'b', 'c', 'd', 'e'].map((holder) => lease(holder));
    const won = await Promise.all(instances.map((i) => i.tryAcquire()));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await instances[0].current()).toMatchObject({
      holder: ['a', 'b', 'c', 'd', 'e'][won.indexOf(true)],
      generation: 1n,
    });
  });

  it('is free at once after a release, and a release by a former holder deletes nothing', async () => {
    const a = lease('a');
    const b = lease('b');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await a.release();
    expect(a.generation).toBeNull();
    expect(await b.tryAcquire()).toBe(true);
    expect(b.generation).toBe(1n);
    await a.release();
    expect((await b.current())?.holder).toBe('b');
  });

  it('gives a former holder whose row was taken renew() === false, and its release leaves the new row alone', async () => {
    const a = lease('a');
    const b = lease('b');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await sleep(TTL + 20);
    expect(await b.tryAcquire()).toBe(true);
    await a.release();
    expect(await b.current()).toMatchObject({ holder: 'b', generation: 2n });
    expect(await b.renew()).toBe(true);
  });

  it("fences a transaction: a former holder's write after a takeover is rolled back, the holder's commits", async () => {
    const a = lease('a');
    const b = lease('b');
    const aDb = opened[opened.length - 2].db;
    const bDb = opened[opened.length - 1].db;
    await aDb.schema.createTable('written').addColumn('by', 'varchar(10)').execute();
    expect(await a.tryAcquire()).toBe(true);
    const aTenure = a.generation!;
    await aDb.transaction().execute(async (trx) => {
      await trx.insertInto('written').values({ by: 'a' }).execute();
      await a.fence(trx, aTenure);
    });
    // a stops renewing (paused), b takes over after the ttl; a then wakes with a write in hand.
    expect(await b.tryAcquire()).toBe(false);
    await sleep(TTL + 40);
    expect(await b.tryAcquire()).toBe(true);
    const late = aDb.transaction().execute(async (trx) => {
      await trx.insertInto('written').values({ by: 'a, late' }).execute();
      await a.fence(trx, aTenure);
    });
    await expect(late).rejects.toThrow(LeaseLostError);
    await expect(late).rejects.toThrow(`Lease "projector" is no longer held by "a" (generation 1)`);
    await bDb.transaction().execute(async (trx) => {
      await trx.insertInto('written').values({ by: 'b' }).execute();
      await b.fence(trx, b.generation!);
    });
    expect((await bDb.selectFrom('written').select('by').execute()).map((r: { by: string }) => r.by)).toEqual([
      'a',
      'b',
    ]);
  });

  it('keeps leases of different names apart', async () => {
    const projector = lease('a', TTL, 'projector');
    const reactor = lease('b', TTL, 'reactor');
    expect(await projector.tryAcquire()).toBe(true);
    expect(await reactor.tryAcquire()).toBe(true);
    expect((await reactor.current())?.holder).toBe('b');
  });

  it('counts the lease lost once renewals fail for the ttl, and throws the error before that', async () => {
    const read = connect();
    const a = new WorkerLease(read.db, { name: 'projector', holder: 'a', ttlMs: TTL });
    expect(await a.tryAcquire()).toBe(true);
    await read.close();
    await expect(a.renew()).rejects.toThrow();
    expect(a.generation).toBe(1n);
    await sleep(TTL + 10);
    expect(await a.renew()).toBe(false);
    expect(a.generation).toBeNull();
  });
});
