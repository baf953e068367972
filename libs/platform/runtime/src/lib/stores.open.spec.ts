import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbStandIn } from '@sooc/event-store/testing';
import { READ_MODELS, allProjections } from './read-models.registry';
import { createProjectionRunner, createReadModelFollower, openStores } from './stores.open';

describe('openStores', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-runtime-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing directories, migrates every registered read model and runs every projection', async () => {
    const stores = await openStores({
      eventStoreUrl: `sqlite:${join(dir, 'a/events.sqlite')}`,
      readDbUrl: `sqlite:${join(dir, 'b/read.sqlite')}`,
    });
    try {
      for (const p of allProjections())
        expect(await stores.readDatabase.db.selectFrom(p.table).selectAll().execute()).toEqual([]);
      const runner = createProjectionRunner(stores, { projectionBatchSize: 10 });
      await runner.start();
      expect(Object.keys((await runner.status()).checkpoints).sort()).toEqual(
        READ_MODELS.flatMap((s) => s.projections.map((p) => p.name)).sort(),
      );
      await runner.stop();
    } finally {
      await stores.close();
    }
  });

  it("writes the change log, so a follower on other connections hears the runner's commits", async () => {
    const urls = {
      eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`,
      readDbUrl: `sqlite:${join(dir, 'read.sqlite')}`,
    };
    const projector = await openStores(urls);
    const gateway = await openStores(urls);
    const runner = createProjectionRunner(projector);
    const follower = createReadModelFollower(gateway);
    try {
      const heard: string[] = [];
      follower.onCommitted((change) => heard.push(change.projection));
      await runner.start();
      await follower.start();
      const metadata = {
        occurredAt: '2026-03-03T09:00:00.000Z',
        actor: { id: 'admin-1', role: 'admin' as const },
        correlationId: 'c-1',
        causationId: null,
        schemaVersion: 1,
      };
      const data = {
        courseId: 'course-1',
        title: 'SOOC',
        summary: 'Peers',
        topics: [],
        language: 'en',
        prerequisites: [],
        selectionPolicy: 'review',
        defaultCapacity: 20,
      };
      const written = await gateway.eventStore.append(
        'course-1',
        [{ id: randomUUID(), type: 'CourseDrafted', data, metadata }],
        { expectedRevision: 'no_stream' },
      );
      await follower.waitForPosition(written.position, 5_000);
      for (
        let waited = 0;
        !(heard.includes('cohorts.course-list') && heard.includes('compliance.audit')) && waited < 5_000;
        waited += 20
      )
        await new Promise((resolve) => setTimeout(resolve, 20));
      // The audit trail records the event too; the course list is the one this spec looks for.
      expect([...new Set(heard)].sort()).toEqual(['cohorts.course-list', 'compliance.audit']);
    } finally {
      await follower.stop();
      await runner.stop();
      await gateway.close();
      await projector.close();
    }
  });

  it('needs SOOC_KEY_STORE_URL beside EventStoreDB: its keys have no data file to sit next to', async () => {
    await expect(
      openStores({ eventStoreUrl: 'esdb://127.0.0.1:1?tls=false', readDbUrl: `sqlite:${join(dir, 'read.sqlite')}` }),
    ).rejects.toThrow('SOOC_KEY_STORE_URL is required with the event store esdb://');
  });

  it('opens EventStoreDB for an esdb:// URL', async () => {
    const standIn = await EsdbStandIn.start();
    const stores = await openStores({
      eventStoreUrl: standIn.url,
      readDbUrl: `sqlite:${join(dir, 'read.sqlite')}`,
      keyStoreUrl: `sqlite:${join(dir, 'keys.sqlite')}`,
    });
    try {
      const metadata = {
        occurredAt: '2026-03-03T09:00:00.000Z',
        actor: { id: 'admin-1', role: 'admin' as const },
        correlationId: 'c-1',
        causationId: null,
        schemaVersion: 1,
      };
      const written = await stores.eventStore.append(
        'cohort-1',
        [{ id: randomUUID(), type: 'CohortPlanned', data: { title: 'SOOC' }, metadata }],
        { expectedRevision: 'no_stream' },
      );
      expect(await stores.eventStore.headPosition()).toBe(written.position);
      expect((await stores.eventStore.readStream('cohort-1')).map((e) => e.type)).toEqual(['CohortPlanned']);
    } finally {
      await stores.close();
      await standIn.stop();
    }
  });

  it('rejects when the read database cannot be reached (the event store it opened is closed again)', async () => {
    await expect(
      openStores({
        eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`,
        readDbUrl: 'postgres://nobody:x@127.0.0.1:1/none',
      }),
    ).rejects.toThrow();
  });
});
