import { clampPageSize } from '@sooc/util';
import type { DueOfferView } from './due-offers.read-model';
import type { EnrollmentReadDb } from './enrollment.read-model';

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
