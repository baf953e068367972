import type { LearnerLevel } from './cohort-settings';

/** Seats reserved for learners without a company, or of a company without a quota. */
export const OPEN_POOL = 'open';

/** What the seat ledger knows of an applicant: enough to hold a seat, rank a waitlist and form groups. */
export interface Applicant {
  readonly enrollmentId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  readonly level: LearnerLevel;
}

export type LedgerEntryStatus = 'reserved' | 'confirmed' | 'waitlisted' | 'released' | 'left';

/**
 * One applicant's line in the ledger. Kept after release so that a repeated admission (a reactor
 * replaying an event after a crash) is recognised and changes nothing.
 */
export interface LedgerEntry extends Applicant {
  readonly status: LedgerEntryStatus;
  /** Review score 0..100 when the cohort ranks its waitlist by score; null for arrival order. */
  readonly score: number | null;
  /** Arrival order in the ledger: ties in score go to whoever came first. */
  readonly seq: number;
  /** When a reserved seat's offer lapses; null once confirmed or for waitlist entries. */
  readonly offerExpiresAt: string | null;
}

export interface SeatLedger {
  readonly capacity: number;
  /** companyId → seats dedicated to that company (a guarantee and a cap). */
  readonly quotas: Readonly<Record<string, number>>;
  readonly entries: Readonly<Record<string, LedgerEntry>>;
  readonly nextSeq: number;
}

export type SeatReleaseReason = 'withdrawn' | 'declined' | 'expired' | 'cancelled';
