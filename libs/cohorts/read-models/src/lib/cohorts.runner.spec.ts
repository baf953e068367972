import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore, SqliteEventStore } from '@sooc/event-store';
import { deleteCheckpoints, ProjectionRunner, type CommittedChange } from '@sooc/read-store';
import { appendCohortScenario } from '@sooc/selection-domain/testing';
import { tableContents } from '@sooc/read-store/testing';
import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { projectScenario } from '../testing/scenario.fixture';
import { findCohortDashboard } from './cohort-dashboard.query';
import { dueClosings, seatLedger } from './cohort-extras.query';
import { cohortsProjections } from './cohorts.projections';
import { cohortsTouched } from './cohorts-touched.query';
import { dueClosingsProjection } from './due-closings.projection';

const projections = [...cohortsProjections, dueClosingsProjection];
/** What a user sees, which must not depend on how the rows were written. */
async function views(db: MigratedDatabase['db']) {
  return {
    dashboard: await findCohortDashboard(db, 'c1'),
    ledger: await seatLedger(db, 'c1'),
    due: await dueClosings(db, '2026-12-31T00:00:00.000Z', 100),
  };
}

const stores = ['memory', 'sqlite'] as const;

describe.each(testDialects.flatMap((dialect) => stores.map((store) => [dialect, store] as const)))(
  'cohorts projections in the ProjectionRunner, read db %s, %s event store',
  (dialect, kind) => {
    let fx: MigratedDatabase;
    let store: EventStore;
    let dir: string;
    let head: bigint;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sooc-cohorts-runner-'));
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
      const changes = await runToHead();
      const once = await tableContents(fx.db, projections);
      const seen = await views(fx.db);

      const reference = await migratedDatabase(dialect);
      try {
        await projectScenario(reference.db);
        expect(seen).toEqual(await views(reference.db));
      } finally {
        await reference.dispose();
      }
      expect(seen.dashboard).toMatchObject({ reserved: 2, confirmed: 1, waitlistLength: 5 });

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

      // Every commit names the cohorts whose dashboard it changed.
      const touched = new Set<string>();
      for (const change of changes) for (const id of await cohortsTouched(fx.db, change)) touched.add(id);
      expect([...touched].sort()).toEqual(['c1', 'c2']);
    });
  },
);
