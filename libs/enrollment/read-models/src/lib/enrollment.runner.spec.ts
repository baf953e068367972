import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore, SqliteEventStore } from '@sooc/event-store';
import { deleteCheckpoints, ProjectionRunner, type CommittedChange } from '@sooc/read-store';
import { appendCohortScenario } from '@sooc/selection-domain/testing';
import { tableContents } from '@sooc/read-store/testing';
import { migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { projectScenario } from '../testing/scenario.fixture';
import { listApplications } from './application.query';
import { dueOffers } from './due-offers.query';
import { dueOffersProjection } from './due-offers.projection';
import { enrollmentProjections } from './enrollment.projections';

const projections = [...enrollmentProjections, dueOffersProjection];
/** What a user sees, which must not depend on how the rows were written. */
async function views(db: ReadDbFixture['db']) {
  return {
    byScore: await listApplications(db, { cohortId: 'c1', sort: 'score', first: 100 }),
    due: await dueOffers(db, '2026-12-31T00:00:00.000Z', 100),
  };
}

const stores = ['memory', 'sqlite'] as const;

describe.each(testDialects.flatMap((dialect) => stores.map((store) => [dialect, store] as const)))(
  'enrollment projections in the ProjectionRunner, read db %s, %s event store',
  (dialect, kind) => {
    let fx: ReadDbFixture;
    let store: EventStore;
    let dir: string;
    let head: bigint;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sooc-enrollment-runner-'));
      store = kind === 'memory' ? new MemoryEventStore() : SqliteEventStore.open(join(dir, 'events.db'));
      head = await appendCohortScenario(store);
      fx = await migratedDatabase(dialect);
    });

    afterAll(async () => {
      await store?.close();
      await fx?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    async function runToHead(): Promise<CommittedChange[]> {
      const runner = new ProjectionRunner({ store, db: fx.db, projections, batchSize: 7 });
      const changes: CommittedChange[] = [];
      runner.onCommitted((c) => changes.push(c));
      await runner.start();
      try {
        await runner.waitForPosition(head, 10_000);
      } finally {
        await runner.stop();
      }
      return changes;
    }

    it('fills the same read models as folding the events directly, and replays twice without a change', async () => {
      await runToHead();
      const once = await tableContents(fx.db, projections);
      const seen = await views(fx.db);

      const reference = await migratedDatabase(dialect);
      try {
        await projectScenario(reference.db);
        expect(seen).toEqual(await views(reference.db));
      } finally {
        await reference.dispose();
      }
      expect(seen.byScore.totalCount).toBe(11);

      // At-least-once: the checkpoints are lost but the rows stay, so every event arrives a second time.
      await deleteCheckpoints(
        fx.db,
        projections.map((p) => p.name),
      );
      await runToHead();
      expect(await tableContents(fx.db, projections)).toEqual(once);

      // And a third time, from an empty read model.
      const runner = new ProjectionRunner({ store, db: fx.db, projections });
      await runner.rebuild();
      expect(await tableContents(fx.db, projections)).toEqual(once);
    });
  },
);
