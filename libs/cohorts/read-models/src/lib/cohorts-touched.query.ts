import { cohortApplicationsProjection } from './cohort-applications.projection';
import { cohortDashboardProjection } from './cohort-dashboard.projection';
import { cohortGroupsProjection } from './cohort-groups.projection';
import type { CohortsReadDb } from './cohorts.read-model';
import { seatLedgerProjection } from './seat-ledger.projection';

// Well below the bind-parameter limits of both dialects, whatever the runner's batch size.
const CHUNK = 500;

const byCohortKey: ReadonlySet<string> = new Set([cohortDashboardProjection.name, cohortGroupsProjection.name]);

async function cohortsOf(
  db: CohortsReadDb,
  table: 'cohort_applications' | 'cohort_seats',
  enrollmentIds: readonly string[],
): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < enrollmentIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select('cohort_id')
      .distinct()
      .where('enrollment_id', 'in', enrollmentIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.cohort_id);
  }
  return [...found];
}

/**
 * The cohorts whose dashboard a committed projection change affects, for `cohortDashboardUpdated`:
 * the runner reports keys per projection, which are enrollment ids for applications and seats,
 * and cohort ids for the cohort-keyed tables. Sorted, each once.
 */
export async function cohortsTouched(
  db: CohortsReadDb,
  change: { projection: string; keys: readonly string[] },
): Promise<string[]> {
  if (change.keys.length === 0) return [];
  let cohorts: string[] = [];
  if (byCohortKey.has(change.projection)) cohorts = [...new Set(change.keys)];
  else if (change.projection === cohortApplicationsProjection.name)
    cohorts = await cohortsOf(db, 'cohort_applications', change.keys);
  else if (change.projection === seatLedgerProjection.name) cohorts = await cohortsOf(db, 'cohort_seats', change.keys);
  return cohorts.sort();
}
