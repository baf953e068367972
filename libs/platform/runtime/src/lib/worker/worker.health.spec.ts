import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '@sooc/event-store';
import { migrateToLatest, openReadDatabase, saveCheckpoints, type ReadDatabase } from '@sooc/read-store';
import { Registry } from 'prom-client';
import { registerProjectionMetrics } from './projection.metrics';
import type { WorkerRole } from './singleton.worker';
import { workerHealth } from './worker.health';

async function appendEvents(store: MemoryEventStore, count: number, type = 'Counted'): Promise<void> {
  const metadata = {
    occurredAt: new Date().toISOString(),
    actor: { id: 'test', role: 'system' as const },
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
  const events = Array.from({ length: count }, () => ({ id: randomUUID(), type, data: {}, metadata }));
  await store.append('counter-1', events, { expectedRevision: 'any' });
}

describe('worker health and projection metrics', () => {
  let read: ReadDatabase;
  let store: MemoryEventStore;
  let role: WorkerRole = 'standby';

  beforeEach(async () => {
    read = openReadDatabase('sqlite::memory:');
    await migrateToLatest(read.db);
    store = new MemoryEventStore();
    await appendEvents(store, 10);
    role = 'standby';
  });
  afterEach(async () => {
    await store.close();
    await read.close();
  });

  const sources = (active = async () => ({ running: true, checkpoint: 4n as bigint | null })) => ({
    role: () => role,
    readDb: read.db,
    eventStore: store,
    active,
  });

  it('reports a standby with reachable stores as ready, without a lag', async () => {
    expect(await workerHealth(sources())).toEqual({
      ready: true,
      role: 'standby',
      readDb: 'up',
      eventStore: 'up',
      head: expect.any(String),
    });
  });

  it('reports an active worker’s lag as head − checkpoint, ready while its work runs', async () => {
    role = 'active';
    const head = (await store.headPosition()) as bigint;
    expect(await workerHealth(sources())).toEqual({
      ready: true,
      role: 'active',
      readDb: 'up',
      eventStore: 'up',
      head: head.toString(),
      checkpoint: '4',
      lag: (head - 4n).toString(),
    });
    const failing = await workerHealth(sources(async () => ({ running: false, checkpoint: null, failure: 'boom' })));
    expect(failing).toMatchObject({ ready: false, failure: 'boom', checkpoint: null, lag: head.toString() });
  });

  it('is not ready when a store does not answer, or while stopping', async () => {
    await read.close();
    expect(await workerHealth(sources())).toMatchObject({
      ready: false,
      role: 'standby',
      readDb: expect.stringMatching(/^down: /),
      eventStore: 'up',
    });
    read = openReadDatabase('sqlite::memory:');
    role = 'stopping';
    expect((await workerHealth(sources())).ready).toBe(false);
  });

  it('exports the head, each checkpoint and the lag read from the stores', async () => {
    const registry = new Registry();
    registerProjectionMetrics(registry, { eventStore: store, readDb: read.db, projections: ['cohorts', 'courses'] });
    await saveCheckpoints(read.db, ['cohorts'], 7n);
    await saveCheckpoints(read.db, ['courses'], 3n);
    const head = (await store.headPosition()) as bigint;
    const text = await registry.metrics();
    expect(text).toContain(`sooc_store_head_position ${head}`);
    expect(text).toContain('sooc_projection_checkpoint{projection="cohorts"} 7');
    expect(text).toContain('sooc_projection_checkpoint{projection="courses"} 3');
    expect(text).toContain(`sooc_projection_lag_positions ${head - 3n}`);
  });

  it("reports no lag once no event the work reads is past its checkpoint (others' events do not count), and the full lag as soon as one is", async () => {
    role = 'active';
    const readCounted = (await store.headPosition()) as bigint;
    await appendEvents(store, 5, 'NotRead');
    const registry = new Registry();
    registerProjectionMetrics(registry, {
      eventStore: store,
      readDb: read.db,
      projections: ['counter'],
      eventTypes: ['Counted'],
    });
    await saveCheckpoints(read.db, ['counter'], readCounted);
    const atRest = { ...sources(async () => ({ running: true, checkpoint: readCounted })), eventTypes: ['Counted'] };
    expect(await workerHealth(atRest)).toMatchObject({ ready: true, checkpoint: readCounted.toString(), lag: '0' });
    expect(await registry.metrics()).toContain('sooc_projection_lag_positions 0');

    await appendEvents(store, 1, 'Counted');
    const behind = ((await store.headPosition()) as bigint) - readCounted;
    expect(await workerHealth(atRest)).toMatchObject({ lag: behind.toString() });
    expect(await registry.metrics()).toContain(`sooc_projection_lag_positions ${behind}`);
  });
});
