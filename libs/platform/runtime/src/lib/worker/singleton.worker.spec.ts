import { migrateToLatest, openReadDatabase, WorkerLease, type ReadDatabase } from '@sooc/read-store';
import { testDatabase, type TestDatabase } from '@sooc/read-store/testing';
import { runSingleton, type ActiveWork, type SingletonWorker, type WorkerRole } from './singleton.worker';

const TTL = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<number> {
  const from = performance.now();
  while (!(await probe())) {
    if (performance.now() - from > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
  return performance.now() - from;
}

/** A trivial work: counts its starts and stops, and fails when told to. */
class CountingWork {
  starts = 0;
  stops = 0;
  running = false;
  private fail: (error: unknown) => void = () => undefined;

  readonly start = async (): Promise<ActiveWork> => {
    this.starts++;
    this.running = true;
    const failed = new Promise<unknown>((resolve) => (this.fail = resolve));
    return {
      failed,
      stop: async () => {
        await sleep(10);
        this.running = false;
        this.stops++;
      },
    };
  };

  failWith(error: unknown): void {
    this.fail(error);
  }
}

describe('runSingleton on a SQLite read database', () => {
  let target: TestDatabase;
  const opened: ReadDatabase[] = [];
  const singletons: SingletonWorker[] = [];
  const lines: string[] = [];
  const connect = () => {
    const read = openReadDatabase(target.url);
    opened.push(read);
    return read;
  };
  const log = (id: string) => ({
    info: (m: string) => lines.push(`${id} info ${m}`),
    warn: (m: string) => lines.push(`${id} warn ${m}`),
    error: (m: string) => lines.push(`${id} error ${m}`),
  });
  const singleton = (instanceId: string, work: CountingWork | { start: () => Promise<ActiveWork> }) => {
    const worker = runSingleton({
      readDb: connect().db,
      name: 'projector',
      instanceId,
      ttlMs: TTL,
      log: log(instanceId),
      start: work.start,
    });
    singletons.push(worker);
    return worker;
  };
  const holder = async () =>
    (await new WorkerLease(opened[0].db, { name: 'projector', holder: 'probe', ttlMs: TTL }).current())?.holder ?? null;

  beforeEach(async () => {
    lines.length = 0;
    target = await testDatabase('sqlite');
    await migrateToLatest(connect().db);
  });
  afterEach(async () => {
    await Promise.all(singletons.splice(0).map((s) => s.stop()));
    await Promise.all(opened.splice(0).map((r) => r.close()));
    await target.dispose();
  });

  it('runs the work on one instance only, and the lease row names it', async () => {
    const [workA, workB] = [new CountingWork(), new CountingWork()];
    const a = singleton('a', workA);
    await a.activated;
    const b = singleton('b', workB);
    await sleep(3 * TTL);
    expect([a.role(), b.role()]).toEqual(['active', 'standby']);
    expect([workA.starts, workB.starts]).toEqual([1, 0]);
    expect(await holder()).toBe('a');
    expect(lines).toContain('a info lease "projector" acquired (generation 1): active');
    expect(lines).toContain('b info standing by: lease "projector" held by a');
  });

  it('hands over at once on a graceful stop: the work stopped, the lease released, the standby active well within the ttl', async () => {
    const [workA, workB] = [new CountingWork(), new CountingWork()];
    const a = singleton('a', workA);
    await a.activated;
    const b = singleton('b', workB);
    const roles: WorkerRole[] = [];
    a.onRoleChange((role) => roles.push(role));
    await sleep(TTL);
    await a.stop();
    expect(roles).toEqual(['stopping', 'stopped']);
    expect(workA).toMatchObject({ starts: 1, stops: 1, running: false });
    const tookMs = await waitFor('b active', () => b.role() === 'active');
    expect(tookMs).toBeLessThan(TTL);
    expect(workB.running).toBe(true);
    expect(await holder()).toBe('b');
    expect(lines).toContain('a info lease "projector" released');
  });

  it('takes over from a frozen holder once its heartbeat has not moved for the ttl, not before', async () => {
    const frozen = new WorkerLease(connect().db, { name: 'projector', holder: 'frozen', ttlMs: TTL });
    expect(await frozen.tryAcquire()).toBe(true);
    const work = new CountingWork();
    const from = performance.now();
    const b = singleton('b', work);
    await b.activated;
    const tookMs = performance.now() - from;
    expect(tookMs).toBeGreaterThanOrEqual(TTL);
    expect(tookMs).toBeLessThan(3 * TTL);
    expect(work.starts).toBe(1);
    expect(await holder()).toBe('b');
    expect(await frozen.renew()).toBe(false);
    expect(lines).toContain('b info standing by: lease "projector" held by frozen');
    expect(lines).toContain('b info lease "projector" acquired (generation 2): active');
  });

  it('stops the work and stands by when its lease is taken, then takes it back when the taker falls silent', async () => {
    const work = new CountingWork();
    const a = singleton('a', work);
    await a.activated;
    const roles: WorkerRole[] = [];
    a.onRoleChange((role) => roles.push(role));
    // Another instance that believed `a` dead took the row (as after a long pause of `a`).
    await opened[0].db
      .updateTable('worker_leases')
      .set({ holder: 'thief', generation: 7 })
      .where('name', '=', 'projector')
      .execute();
    await waitFor('a standing by', () => a.role() === 'standby');
    expect(work).toMatchObject({ starts: 1, stops: 1, running: false });
    expect(lines).toContain('a warn lease "projector" lost: stopping the work, then standing by');
    await waitFor('a active again', () => a.role() === 'active', 4 * TTL);
    expect(roles).toEqual(['stopping', 'standby', 'active']);
    expect(work).toMatchObject({ starts: 2, running: true });
    expect(lines).toContain('a info lease "projector" acquired (generation 8): active');
  });

  it('stops the work once renewals have failed for the ttl (its read database gone), and warns once while it cannot read the lease', async () => {
    const work = new CountingWork();
    const read = connect();
    const a = runSingleton({
      readDb: read.db,
      name: 'projector',
      instanceId: 'a',
      ttlMs: TTL,
      log: log('a'),
      start: work.start,
    });
    singletons.push(a);
    await a.activated;
    await read.close();
    const from = performance.now();
    await waitFor('a standing by', () => a.role() === 'standby' && !work.running);
    expect(performance.now() - from).toBeLessThan(3 * TTL);
    expect(lines.filter((l) => l.startsWith('a warn lease "projector" not renewed, retrying')).length).toBeGreaterThan(
      0,
    );
    expect(lines).toContain('a warn lease "projector" lost: stopping the work, then standing by');
    await sleep(2 * TTL);
    expect(lines.filter((l) => l.startsWith('a warn standing by: lease "projector" unreadable'))).toHaveLength(1);
    expect(work.starts).toBe(1);
  });

  it('settles failed with the work’s failure, and releases the lease so a standby takes over at once', async () => {
    const [workA, workB] = [new CountingWork(), new CountingWork()];
    const a = singleton('a', workA);
    await a.activated;
    const b = singleton('b', workB);
    await sleep(TTL / 2);
    const boom = new Error('projection "cohorts" failed');
    workA.failWith(boom);
    expect(await a.failed).toBe(boom);
    expect(a.role()).toBe('stopped');
    expect(workA.stops).toBe(1);
    expect(await waitFor('b active', () => b.role() === 'active')).toBeLessThan(TTL);
  });

  it('stands by, not failed, when its work fails after its lease was taken (woken from a pause into the new holder’s checkpoint)', async () => {
    const work = new CountingWork();
    const a = singleton('a', work);
    await a.activated;
    await opened[0].db
      .updateTable('worker_leases')
      .set({ holder: 'b', generation: 2 })
      .where('name', '=', 'projector')
      .execute();
    work.failWith(new Error('The checkpoint of "cohorts" moved under this runner'));
    await waitFor('a standing by', () => a.role() === 'standby');
    expect(work).toMatchObject({ stops: 1, running: false });
    expect(lines).toContain('a warn lease "projector" lost: stopping the work, then standing by');
    expect(lines.filter((l) => l.startsWith('a error') || l.includes('released'))).toEqual([]);
    const settled = await Promise.race([a.failed.then(() => 'failed'), sleep(TTL).then(() => 'pending')]);
    expect(settled).toBe('pending');
  });

  it('settles failed when starting the work throws', async () => {
    const broken = new Error('event store unreachable');
    const a = singleton('a', { start: () => Promise.reject(broken) });
    expect(await a.failed).toBe(broken);
    expect(a.role()).toBe('stopped');
    expect(await holder()).toBeNull();
  });

  it('stops a standby without ever starting its work', async () => {
    const [workA, workB] = [new CountingWork(), new CountingWork()];
    const a = singleton('a', workA);
    await a.activated;
    const b = singleton('b', workB);
    await sleep(TTL / 2);
    await b.stop();
    expect(b.role()).toBe('stopped');
    expect(workB.starts).toBe(0);
    expect(await holder()).toBe('a');
  });
});
