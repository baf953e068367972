import type { WaitlistOrder } from './cohort-settings';
import { OPEN_POOL, type LedgerEntry, type SeatLedger } from './seat-ledger.types';

export function emptyLedger(capacity: number): SeatLedger {
  return { capacity, quotas: {}, entries: {}, nextSeq: 0 };
}

/**
 * Ids come from outside: "constructor" or "toString" must not find Object.prototype, so every
 * lookup into the ledger's records goes through these two.
 */
export function ledgerEntry(ledger: SeatLedger, enrollmentId: string): LedgerEntry | undefined {
  return Object.hasOwn(ledger.entries, enrollmentId) ? ledger.entries[enrollmentId] : undefined;
}

/** The company's quota; 0 when it has none. */
export function quotaOf(ledger: SeatLedger, companyId: string): number {
  return Object.hasOwn(ledger.quotas, companyId) ? ledger.quotas[companyId] : 0;
}

export function holdsSeat(entry: LedgerEntry): boolean {
  return entry.status === 'reserved' || entry.status === 'confirmed';
}

/**
 * A learner draws from their company's quota when it has one, from the open seats otherwise.
 * Computed from the current quotas, never stored: a quota set or removed moves its learners'
 * seats and waitlist places between pools at once.
 */
export function poolOf(ledger: SeatLedger, companyId: string | null): string {
  return companyId !== null && quotaOf(ledger, companyId) > 0 ? companyId : OPEN_POOL;
}

export function quotaTotal(ledger: SeatLedger): number {
  return Object.values(ledger.quotas).reduce((sum, seats) => sum + seats, 0);
}

/** The open pool is whatever the quotas leave of the capacity. */
export function poolSize(ledger: SeatLedger, pool: string): number {
  return pool === OPEN_POOL ? ledger.capacity - quotaTotal(ledger) : quotaOf(ledger, pool);
}

export function ledgerEntries(ledger: SeatLedger): LedgerEntry[] {
  return Object.values(ledger.entries).sort((a, b) => a.seq - b.seq);
}

export function seatsTaken(ledger: SeatLedger): number {
  return ledgerEntries(ledger).filter(holdsSeat).length;
}

export function freeSeats(ledger: SeatLedger): number {
  return Math.max(0, ledger.capacity - seatsTaken(ledger));
}

export function seatsInPool(ledger: SeatLedger, pool: string): number {
  return ledgerEntries(ledger).filter((e) => holdsSeat(e) && poolOf(ledger, e.companyId) === pool).length;
}

export function freeInPool(ledger: SeatLedger, pool: string): number {
  return Math.max(0, poolSize(ledger, pool) - seatsInPool(ledger, pool));
}

/** Seats held by a company's learners, whichever pool they sit in. */
export function seatsHeldBy(ledger: SeatLedger, companyId: string): number {
  return ledgerEntries(ledger).filter((e) => holdsSeat(e) && e.companyId === companyId).length;
}

/** Every pool that exists under the current quotas, the open pool first. */
export function pools(ledger: SeatLedger): string[] {
  const companies = Object.keys(ledger.quotas)
    .filter((companyId) => quotaOf(ledger, companyId) > 0)
    .sort();
  return [OPEN_POOL, ...companies];
}

/**
 * The waitlist in the order seats are offered: by score (best first, unscored last) when the
 * cohort ranks by score, and by arrival within equal scores, or by arrival alone.
 */
export function waitlist(ledger: SeatLedger, order: WaitlistOrder): LedgerEntry[] {
  const waiting = ledgerEntries(ledger).filter((e) => e.status === 'waitlisted');
  if (order === 'arrival') return waiting;
  const rank = (score: number | null) => (score === null ? Number.NEGATIVE_INFINITY : score);
  return waiting.sort((a, b) => rank(b.score) - rank(a.score) || a.seq - b.seq);
}

/** Waitlisted learners of one pool, in offer order. */
export function waitlistOfPool(ledger: SeatLedger, order: WaitlistOrder, pool: string): LedgerEntry[] {
  return waitlist(ledger, order).filter((e) => poolOf(ledger, e.companyId) === pool);
}
