import type { LearnerGroup } from '@sooc/cohorts-domain/published';
import type { Criterion } from '@sooc/selection-domain/published';
import type { DueClosingView, DueOfferView, GroupsView, RubricView } from './cohort-extras.read-model';
import type { EnrollmentReadDb } from './enrollment.database';
import { flag, parseJsonColumn } from './json.column';
import { clampPageSize } from './page.types';
import type { SeatRow, SeatView } from './seat-ledger.read-model';
import { scoreFromColumn } from './score.column';

export async function findGroups(db: EnrollmentReadDb, cohortId: string): Promise<GroupsView | null> {
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

export async function findRubric(db: EnrollmentReadDb, cohortId: string): Promise<RubricView | null> {
  const row = await db.selectFrom('selection_rubrics').selectAll().where('cohort_id', '=', cohortId).executeTakeFirst();
  if (!row) return null;
  return {
    cohortId: row.cohort_id,
    version: row.version,
    criteria: parseJsonColumn<Criterion[]>(row.criteria, []),
    blind: flag(row.blind),
    reviewsRequired: row.reviews_required,
    definedAt: row.defined_at,
  };
}

/** Most due offers handed out at once (the reactor asks again for the rest). */
export const MAX_DUE_OFFERS = 10_000;

/**
 * Open offers whose expiry is at or before `nowIso`, oldest first. Instants compare as text, so
 * `nowIso` must be in the events' format (`Date#toISOString()`: UTC with milliseconds).
 */
export async function dueOffers(db: EnrollmentReadDb, nowIso: string, limit: number): Promise<DueOfferView[]> {
  const rows = await db
    .selectFrom('due_offers')
    .selectAll()
    .where('expires_at', '<=', nowIso)
    .orderBy('expires_at')
    .orderBy('enrollment_id')
    .limit(clampPageSize(limit, MAX_DUE_OFFERS))
    .execute();
  return rows.map((r) => ({
    enrollmentId: r.enrollment_id,
    cohortId: r.cohort_id,
    learnerId: r.learner_id,
    expiresAt: r.expires_at,
  }));
}

/** Cohorts whose application window ended at or before `nowIso` (same format rule as `dueOffers`), oldest first. */
export async function dueClosings(db: EnrollmentReadDb, nowIso: string, limit: number): Promise<DueClosingView[]> {
  const rows = await db
    .selectFrom('due_closings')
    .selectAll()
    .where('closes_at', '<=', nowIso)
    .orderBy('closes_at')
    .orderBy('cohort_id')
    .limit(clampPageSize(limit, MAX_DUE_OFFERS))
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
export async function seatLedger(db: EnrollmentReadDb, cohortId: string): Promise<SeatView[]> {
  const rows = await db
    .selectFrom('cohort_seats')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('enrollment_id')
    .execute();
  return rows.map(toSeatView);
}
