import { allLines, lineAt, type LedgerLines } from './seat-ledger.lines';
import { sortedInsert, sortedRemove } from '@sooc/util';
import type { LedgerEntry, QuotaCompanyCount, SeatLedger, SeatTally, WaitQueue } from './seat-ledger.types';

const NO_COUNT: QuotaCompanyCount = { held: 0, waiting: 0 };

export function holdsSeat(entry: LedgerEntry): boolean {
  return entry.status === 'reserved' || entry.status === 'confirmed';
}

function countOf(entry: LedgerEntry | undefined, sign: number): QuotaCompanyCount {
  if (!entry) return NO_COUNT;
  return { held: holdsSeat(entry) ? sign : 0, waiting: entry.status === 'waitlisted' ? sign : 0 };
}

function statusDelta(before: LedgerEntry | undefined, after: LedgerEntry, status: LedgerEntry['status']): number {
  return (after.status === status ? 1 : 0) - (before?.status === status ? 1 : 0);
}

/** The tally once `before` (undefined for a newcomer) has become `after`. */
export function retally(tally: SeatTally, before: LedgerEntry | undefined, after: LedgerEntry): SeatTally {
  let byQuotaCompany = tally.byQuotaCompany;
  for (const [entry, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    const companyId = entry?.companyId;
    if (companyId == null || !Object.hasOwn(byQuotaCompany, companyId)) continue;
    const delta = countOf(entry, sign);
    if (delta.held === 0 && delta.waiting === 0) continue;
    const count = byQuotaCompany[companyId];
    byQuotaCompany = {
      ...byQuotaCompany,
      [companyId]: { held: count.held + delta.held, waiting: count.waiting + delta.waiting },
    };
  }
  return {
    reserved: tally.reserved + statusDelta(before, after, 'reserved'),
    confirmed: tally.confirmed + statusDelta(before, after, 'confirmed'),
    waitlisted: tally.waitlisted + statusDelta(before, after, 'waitlisted'),
    byQuotaCompany,
  };
}

/**
 * A company gaining a quota is counted once from the entries (a rare command, so the scan is
 * fine); losing it drops the count, its learners falling back into the open pool's total.
 */
export function retallyQuota(ledger: SeatLedger, companyId: string, seats: number): SeatTally {
  const { tally } = ledger;
  // Company ids come from outside: "constructor" must not find Object.prototype.
  const known = Object.hasOwn(tally.byQuotaCompany, companyId);
  if (seats <= 0) {
    const { [companyId]: _dropped, ...others } = tally.byQuotaCompany;
    return known ? { ...tally, byQuotaCompany: others } : tally;
  }
  if (known) return tally;
  let held = 0;
  let waiting = 0;
  for (const entry of allLines(ledger.entries)) {
    if (entry.companyId !== companyId) continue;
    if (holdsSeat(entry)) held += 1;
    else if (entry.status === 'waitlisted') waiting += 1;
  }
  return { ...tally, byQuotaCompany: { ...tally.byQuotaCompany, [companyId]: { held, waiting } } };
}

const rank = (entry: LedgerEntry) => (entry.score === null ? Number.NEGATIVE_INFINITY : entry.score);

/** Score order: the better score first, the earlier arrival within equal scores. */
export function offeredBefore(a: LedgerEntry, b: LedgerEntry): boolean {
  return rank(a) > rank(b) || (rank(a) === rank(b) && a.seq < b.seq);
}

/** The queue once `before` has become `after`; `entries` are the ledger's lines before the change. */
export function requeue(
  queue: WaitQueue,
  entries: LedgerLines,
  before: LedgerEntry | undefined,
  after: LedgerEntry,
): WaitQueue {
  const wasWaiting = before?.status === 'waitlisted';
  const isWaiting = after.status === 'waitlisted';
  if (!wasWaiting && !isWaiting) return queue;
  if (wasWaiting && isWaiting && before.score === after.score && before.seq === after.seq) return queue;
  let { byArrival, byScore } = queue;
  if (wasWaiting) {
    byArrival = sortedRemove(byArrival, before.seq, (seq) => seq < before.seq);
    byScore = sortedRemove(byScore, before.seq, (seq) => offeredBefore(lineAt(entries, seq), before));
  }
  if (isWaiting) {
    byArrival = sortedInsert(byArrival, after.seq, (seq) => seq < after.seq);
    byScore = sortedInsert(byScore, after.seq, (seq) => offeredBefore(lineAt(entries, seq), after));
  }
  return { byArrival, byScore };
}
