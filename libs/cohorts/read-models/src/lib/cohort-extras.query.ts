import type { LearnerGroup } from '@sooc/cohorts-domain/published';
import type { DueClosingView, GroupsView } from './cohort-extras.read-model';
import type { CohortsReadDb } from './cohorts.read-model';
import { clampPageSize, flag, parseJsonColumn, scoreFromColumn } from '@sooc/util';
import type { SeatRow, SeatView } from './seat-ledger.read-model';

export async function findGroups(db: CohortsReadDb, cohortId: string): Promise<GroupsView | null> {
  const row = await db.selectFrom('cohort_groups').selectAll().where('cohort_id', '=', cohortId).executeTakeFirst();
  if (!row) return null;
  return {
    cohortId: row.cohort_id,
    formation: row.formation,
    targetSize: row.target_size,
    seed: row.seed,
    groups: parseJsonColumn<LearnerGroup[]>(row.groups, []),
    formedAt: row.formed_at,
  };
}

/** Most due closings handed out at once (the reactor asks again for the rest). */
export const MAX_DUE_CLOSINGS = 10_000;

/** Cohorts whose application window ended at or before `nowIso` (instants compare as text: `nowIso` must be `Date#toISOString()`), oldest first. */
export async function dueClosings(db: CohortsReadDb, nowIso: string, limit: number): Promise<DueClosingView[]> {
  const rows = await db
    .selectFrom('due_closings')
    .selectAll()
    .where('closes_at', '<=', nowIso)
    .orderBy('closes_at')
    .orderBy('cohort_id')
    .limit(clampPageSize(limit, MAX_DUE_CLOSINGS))
    .execute();
  return rows.map((r) => ({ cohortId: r.cohort_id, closesAt: r.closes_at }));
}

function toSeatView(row: SeatRow): SeatView {
  return {
    enrollmentId: row.enrollment_id,
    cohortId: row.cohort_id,
    learnerId: row.learner_id,
    companyId: row.company_id,
    pool: row.pool,
    level: row.level,
    status: row.status,
    score: scoreFromColumn(row.score),
    waitlistedAt: row.waitlisted_at,
    offerExpiresAt: row.offer_expires_at,
    promoted: flag(row.promoted),
    updatedAt: row.updated_at,
  };
}

/** Every line of a cohort's seat ledger (released and left included), by enrollment id. */
export async function seatLedger(db: CohortsReadDb, cohortId: string): Promise<SeatView[]> {
  const rows = await db
    .selectFrom('cohort_seats')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('enrollment_id')
    .execute();
  return rows.map(toSeatView);
}
