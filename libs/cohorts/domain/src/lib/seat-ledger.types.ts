import type { LearnerLevel } from './cohort-settings';
import type { HashTrie } from '@sooc/util';
import type { LedgerLines } from './seat-ledger.lines';
import type { SortedChunks } from '@sooc/util';

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

/** What a company with a quota has in the ledger: the pool arithmetic needs nothing more. */
export interface QuotaCompanyCount {
  readonly held: number;
  readonly waiting: number;
}

/**
 * Counts kept up to date by every event, so that a decision reads pool sizes in O(companies with
 * a quota) instead of scanning the ledger. Only companies with a quota are counted one by one:
 * every other learner sits in the open pool, which is the total minus those.
 */
export interface SeatTally {
  readonly reserved: number;
  readonly confirmed: number;
  readonly waitlisted: number;
  /** Keyed like `quotas`: a company appears here exactly while it has a quota. */
  readonly byQuotaCompany: Readonly<Record<string, QuotaCompanyCount>>;
}

/** Seqs of the waitlisted entries in both offer orders, so the head of either is at hand. */
export interface WaitQueue {
  readonly byArrival: SortedChunks;
  /** Best score first, unscored last, arrival within equal scores. */
  readonly byScore: SortedChunks;
}

export interface SeatLedger {
  readonly capacity: number;
  /** companyId → seats dedicated to that company (a guarantee and a cap). */
  readonly quotas: Readonly<Record<string, number>>;
  /** Every line by arrival number; read through `ledgerEntry`, `ledgerEntries` or `lineAt`. */
  readonly entries: LedgerLines;
  /** enrollmentId → seq; read through `ledgerEntry`. */
  readonly index: HashTrie<number>;
  readonly nextSeq: number;
  readonly tally: SeatTally;
  readonly queue: WaitQueue;
}

export type SeatReleaseReason = 'withdrawn' | 'declined' | 'expired' | 'cancelled' | 'not-admitted';
