import type { WaitlistOrder } from './cohort-settings';
import { emptyHashTrie, hashTrieGet } from '@sooc/util';
import { allLines, lineAt } from './seat-ledger.lines';
import { holdsSeat } from './seat-ledger.tally';
import { sortedItems } from '@sooc/util';
import { OPEN_POOL, type LedgerEntry, type SeatLedger } from './seat-ledger.types';

export { holdsSeat } from './seat-ledger.tally';

export function emptyLedger(capacity: number): SeatLedger {
  return {
    capacity,
    quotas: {},
    entries: [],
    index: emptyHashTrie(),
    nextSeq: 0,
    tally: { reserved: 0, confirmed: 0, waitlisted: 0, byQuotaCompany: {} },
    queue: { byArrival: [], byScore: [] },
  };
}

/** Ids come from outside, so the index is a trie of strings: "constructor" finds nothing. */
export function ledgerEntry(ledger: SeatLedger, enrollmentId: string): LedgerEntry | undefined {
  const seq = hashTrieGet(ledger.index, enrollmentId);
  return seq === undefined ? undefined : lineAt(ledger.entries, seq);
}

/** The company's quota; 0 when it has none. Company ids come from outside: Object.hasOwn, never `in`. */
export function quotaOf(ledger: SeatLedger, companyId: string): number {
  return Object.hasOwn(ledger.quotas, companyId) ? ledger.quotas[companyId] : 0;
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

/** Every line, in seq (arrival) order. */
export function ledgerEntries(ledger: SeatLedger): LedgerEntry[] {
  return allLines(ledger.entries);
}

export function seatsTaken(ledger: SeatLedger): number {
  return ledger.tally.reserved + ledger.tally.confirmed;
}

export function freeSeats(ledger: SeatLedger): number {
  return Math.max(0, ledger.capacity - seatsTaken(ledger));
}

/**
 * Learners of a pool holding a seat, or waiting for one. The open pool is everyone minus the
 * learners of companies with a quota (plus those of a company named like the open pool itself,
 * which `poolOf` cannot tell apart from it).
 */
function countInPool(ledger: SeatLedger, pool: string, what: 'held' | 'waiting'): number {
  const { byQuotaCompany } = ledger.tally;
  const own = Object.hasOwn(byQuotaCompany, pool) ? byQuotaCompany[pool][what] : 0;
  if (pool !== OPEN_POOL) return own;
  const total = what === 'held' ? seatsTaken(ledger) : ledger.tally.waitlisted;
  let withQuota = 0;
  for (const count of Object.values(byQuotaCompany)) withQuota += count[what];
  return total - withQuota + own;
}

export function seatsInPool(ledger: SeatLedger, pool: string): number {
  return countInPool(ledger, pool, 'held');
}

/** Waitlisted learners of the pool. */
export function waitingInPool(ledger: SeatLedger, pool: string): number {
  return countInPool(ledger, pool, 'waiting');
}

export function freeInPool(ledger: SeatLedger, pool: string): number {
  return Math.max(0, poolSize(ledger, pool) - seatsInPool(ledger, pool));
}

/** Seats held by a company's learners, whichever pool they sit in. */
export function seatsHeldBy(ledger: SeatLedger, companyId: string): number {
  const { byQuotaCompany } = ledger.tally;
  if (Object.hasOwn(byQuotaCompany, companyId)) return byQuotaCompany[companyId].held;
  // Only a quota being set asks this of a company without one: rare enough to scan.
  return ledgerEntries(ledger).filter((e) => holdsSeat(e) && e.companyId === companyId).length;
}

/** Every pool that exists under the current quotas, the open pool first. */
export function pools(ledger: SeatLedger): string[] {
  const companies = Object.keys(ledger.quotas)
    .filter((companyId) => quotaOf(ledger, companyId) > 0)
    .sort();
  return [OPEN_POOL, ...companies];
}

/** Seqs of the waitlisted entries, in offer order. */
export function waitingSeqs(ledger: SeatLedger, order: WaitlistOrder): Iterable<number> {
  return sortedItems(order === 'arrival' ? ledger.queue.byArrival : ledger.queue.byScore);
}

/**
 * The waitlist in the order seats are offered: by score (best first, unscored last) when the
 * cohort ranks by score, and by arrival within equal scores, or by arrival alone.
 */
export function waitlist(ledger: SeatLedger, order: WaitlistOrder): LedgerEntry[] {
  return Array.from(waitingSeqs(ledger, order), (seq) => lineAt(ledger.entries, seq));
}

/** Waitlisted learners of one pool, in offer order. */
export function waitlistOfPool(ledger: SeatLedger, order: WaitlistOrder, pool: string): LedgerEntry[] {
  return waitlist(ledger, order).filter((e) => poolOf(ledger, e.companyId) === pool);
}
