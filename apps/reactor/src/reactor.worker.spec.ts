import { REACTOR_CHECKPOINT } from '@sooc/reactor-engine';
import { ReactorHarness, Seeder } from '@sooc/reactor-engine/testing';
import { until } from '@sooc/util/testing';
import { loadCheckpoints } from '@sooc/read-store';
import { Registry } from 'prom-client';
import { runReactorWorker, type ReactorWorker } from './reactor.worker';

const TTL_MS = 1_000;
let harness: ReactorHarness;
const workers: ReactorWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.singleton.stop();
  await harness.close();
});

/** A reactor process's worker, on the harness's stores (two of them share one read database as two processes would). */
function worker(instanceId: string, registry = new Registry()): ReactorWorker {
  const started = runReactorWorker({
    reactor: { eventStore: harness.store, readDb: harness.read.db, clock: harness.clock, tickMs: 50 },
    log: harness.log,
    instanceId,
    ttlMs: TTL_MS,
    registry,
  });
  workers.push(started);
  return started;
}

const sample = async (registry: Registry, series: string) =>
  (await registry.metrics()).split('\n').find((line) => line.startsWith(series));

describe('the reactor worker', () => {
  it('reacts only while it holds the lease; a spare stands by, ready; a graceful stop hands over at once, from the saved checkpoint', async () => {
    harness = await ReactorHarness.create();
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: 'c1', capacity: 2, offerTtlHours: 1 });
    const [registryA, registryB] = [new Registry(), new Registry()];
    const a = worker('reactor-a', registryA);
    await a.singleton.activated;
    const b = worker('reactor-b', registryB);
    await until(
      'reactor-b standing by',
      () => harness.out.join('').includes('standing by: lease "reactor" held by reactor-a'),
      10_000,
    );

    expect(await b.health()).toEqual({ ready: true, role: 'standby', readDb: 'up', eventStore: 'up', head: '4' });
    expect(await sample(registryB, 'sooc_worker_active{')).toBe('sooc_worker_active{worker="reactor"} 0');
    expect(b.reactor()).toBeNull();

    await seeder.submitAll('c1', ['ann', 'ben', 'cat']);
    await until(
      'ann and ben seated, cat waitlisted',
      async () => (await seeder.enrollmentState('c1', 'cat')).status === 'waitlisted',
      10_000,
    );
    await until(
      'the checkpoint saved',
      () => a.reactor()?.status().checkpoint === a.reactor()?.status().handledPosition,
      10_000,
    );
    const checkpoint = a.reactor()?.status().checkpoint ?? null;
    expect(await a.health()).toMatchObject({
      ready: true,
      role: 'active',
      readDb: 'up',
      eventStore: 'up',
      checkpoint: String(checkpoint),
      caughtUp: true,
      retrying: false,
    });
    expect(await sample(registryA, 'sooc_worker_active{')).toBe('sooc_worker_active{worker="reactor"} 1');
    expect(await sample(registryA, 'sooc_reactor_checkpoint')).toBe(`sooc_reactor_checkpoint ${checkpoint}`);
    expect(
      Number((await sample(registryA, 'sooc_reactor_commands_total{outcome="written"}'))?.split(' ')[1]),
    ).toBeGreaterThan(0);

    // SIGTERM's path: A stops at its checkpoint and releases the lease; B need not wait out the ttl.
    const stopped = performance.now();
    await a.singleton.stop();
    expect(a.singleton.role()).toBe('stopped');
    await b.singleton.activated;
    expect(performance.now() - stopped).toBeLessThan(TTL_MS);
    await until("B's reactor started", () => b.reactor() !== null, 10_000);
    await b.reactor()?.caughtUp;
    expect(harness.out.join('')).toContain(`starting at position ${checkpoint}, store head`);
    expect((await loadCheckpoints(harness.read.db, [REACTOR_CHECKPOINT])).get(REACTOR_CHECKPOINT)).toBe(checkpoint);

    // B carries on: the offer expires by the clock and the seat goes to the waitlist.
    harness.clock.advance(2);
    await until(
      'cat promoted by B',
      async () => (await seeder.enrollmentState('c1', 'cat')).status === 'offered',
      10_000,
    );
    expect(await sample(registryB, 'sooc_worker_active{')).toBe('sooc_worker_active{worker="reactor"} 1');
    expect(harness.err).toEqual([]);
  });

  it('gives the lease up when its reactor fails, so that a supervisor restarts the process and a standby takes over at once', async () => {
    harness = await ReactorHarness.create();
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: 'c1', capacity: 2, offerTtlHours: 1 });
    const a = worker('reactor-a');
    await a.singleton.activated;
    // The read database loses the table the reactor's due-offers projection writes: its next offer cannot be projected.
    await harness.read.db.schema.dropTable('due_offers').execute();
    await seeder.submit('c1', 'ann');

    const failure = await a.singleton.failed;
    expect(String(failure)).toMatch(/due_offers/);
    expect(a.singleton.role()).toBe('stopped');
    expect(await a.health()).toMatchObject({ ready: false, role: 'stopped' });
    expect(harness.out.join('')).toContain('lease "reactor" released');
    expect(await harness.read.db.selectFrom('worker_leases').selectAll().execute()).toEqual([]);
  });
});
