import Database from 'better-sqlite3';
import { CohortsApiWorld } from '../testing/cohorts-api.world';

const PAGE = `query($first: Int!) {
  cohorts(first: $first) { edges { node { cohortId fill { capacity reserved confirmed free fillRate waitlistLength } } } }
}`;

/**
 * Every SELECT better-sqlite3 runs from now on, by its SQL (the read store caches prepared
 * statements, so it is their runs that count, not their preparations).
 */
function readsOfSqlite(): { readonly sql: string[]; restore(): void } {
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as { all(...args: unknown[]): unknown };
  probe.close();
  const all = statement.all;
  const sql: string[] = [];
  statement.all = function (this: { source: string }, ...args: unknown[]) {
    sql.push(this.source);
    return all.apply(this, args);
  };
  return { sql, restore: () => void (statement.all = all) };
}

describe('cohorts API: Cohort.fill on a page of cohorts', () => {
  let world: CohortsApiWorld;

  beforeAll(async () => {
    world = await CohortsApiWorld.start();
    for (let i = 0; i < 50; i++) await world.givenOpenCohort('first-come');
    await world.runner.waitForPosition((await world.store.headPosition())!);
  });
  afterAll(() => world.close());

  it('reads the seats of a page of 50 cohorts in one statement on the seat ledger, not one per cohort', async () => {
    const reads = readsOfSqlite();
    try {
      const result = await world.gql<{ cohorts: { edges: { node: { fill: unknown } }[] } }>(PAGE, { first: 50 });
      expect(result.errors).toBeUndefined();
      const fills = result.data!.cohorts.edges.map((e) => e.node.fill);
      expect(fills).toHaveLength(50);
      expect(new Set(fills.map((f) => JSON.stringify(f)))).toEqual(
        new Set([
          JSON.stringify({ capacity: 20, reserved: 0, confirmed: 0, free: 20, fillRate: 0, waitlistLength: 0 }),
        ]),
      );
      expect(reads.sql.filter((sql) => sql.includes('cohort_seats'))).toHaveLength(1);
    } finally {
      reads.restore();
    }
  });
});
