import type { LedgerEntryStatus } from '@sooc/cohorts-domain/published';

/** One row per applicant the cohort's seat ledger knows, in table `cohort_seats`. */
export type SeatRow = {
  enrollment_id: string;
  cohort_id: string;
  learner_id: string;
  company_id: string | null;
  /** The company id whose quota holds the seat, or OPEN_POOL. */
  pool: string;
  level: string;
  status: LedgerEntryStatus;
  /** Waitlist score in hundredths (score.column.ts); null when the waitlist goes by arrival. */
  score: number | null;
  /** Position of ApplicantWaitlisted: arrival order in the waitlist; null if never waitlisted. */
  waitlisted_position: string | null;
  waitlisted_at: string | null;
  offer_expires_at: string | null;
  /** 1 when the seat went to someone from the waitlist. */
  promoted: number;
  updated_at: string;
  last_position: string;
};

export interface SeatView {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  readonly pool: string;
  readonly level: string;
  readonly status: LedgerEntryStatus;
  readonly score: number | null;
  readonly waitlistedAt: string | null;
  readonly offerExpiresAt: string | null;
  readonly promoted: boolean;
  readonly updatedAt: string;
}
