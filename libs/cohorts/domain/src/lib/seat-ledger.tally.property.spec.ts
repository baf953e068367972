import fc from 'fast-check';
import type { CohortEvent } from './cohort.events';
import { evolveLedger } from './seat-ledger.evolve';
import {
  emptyLedger,
  holdsSeat,
  ledgerEntries,
  ledgerEntry,
  poolOf,
  pools,
  seatsHeldBy,
  seatsInPool,
  seatsTaken,
  waitingInPool,
  waitlist,
} from './seat-ledger.query';
import type { LedgerEntry, SeatLedger } from './seat-ledger.types';
import {
  capacityChanged,
  confirmed,
  learner,
  left,
  quotaSet,
  released,
  reserved,
  waitlisted,
} from '../testing/cohort.fixture';

/** Any order of ledger events, sensible or not: evolve must keep its counts right whatever it folds. */
const companies = ['acme', 'globex', 'open', 'constructor', null] as const;
const who = fc.record({ n: fc.integer({ min: 0, max: 11 }), company: fc.constantFrom(...companies) });
const event: fc.Arbitrary<CohortEvent> = fc.oneof(
  who.map(({ n, company }) => reserved(learner(n, company))),
  fc
    .tuple(who, fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })))
    .map(([{ n, company }, score]) => waitlisted(learner(n, company), score)),
  who.map(({ n }) => confirmed(learner(n))),
  who.map(({ n }) => released(learner(n))),
  who.map(({ n }) => left(learner(n))),
  fc
    .tuple(fc.constantFrom('acme', 'globex', 'open', 'constructor'), fc.integer({ min: 0, max: 3 }))
    .map(([company, seats]) => quotaSet(company, seats)),
  fc.integer({ min: 2, max: 12 }).map((to) => capacityChanged(0, to)),
);

/** The queries as a scan of every entry would answer them. */
const scan = {
  inPool: (ledger: SeatLedger, pool: string, keep: (e: LedgerEntry) => boolean) =>
    ledgerEntries(ledger).filter((e) => keep(e) && poolOf(ledger, e.companyId) === pool).length,
  waitlist: (ledger: SeatLedger, order: 'arrival' | 'score') => {
    const rank = (e: LedgerEntry) => (e.score === null ? Number.NEGATIVE_INFINITY : e.score);
    const waiting = ledgerEntries(ledger).filter((e) => e.status === 'waitlisted');
    return order === 'arrival' ? waiting : waiting.sort((a, b) => rank(b) - rank(a) || a.seq - b.seq);
  },
};

function checkAgainstScan(ledger: SeatLedger): void {
  const entries = ledgerEntries(ledger);
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
  for (const e of entries) expect(ledgerEntry(ledger, e.enrollmentId)).toBe(e);
  expect(seatsTaken(ledger)).toBe(entries.filter(holdsSeat).length);
  expect(ledger.tally.reserved).toBe(entries.filter((e) => e.status === 'reserved').length);
  expect(ledger.tally.confirmed).toBe(entries.filter((e) => e.status === 'confirmed').length);
  for (const pool of [...pools(ledger), 'globex', 'nobody', 'toString']) {
    expect(seatsInPool(ledger, pool)).toBe(scan.inPool(ledger, pool, holdsSeat));
    expect(waitingInPool(ledger, pool)).toBe(scan.inPool(ledger, pool, (e) => e.status === 'waitlisted'));
  }
  for (const company of ['acme', 'globex', 'open', 'constructor']) {
    expect(seatsHeldBy(ledger, company)).toBe(entries.filter((e) => holdsSeat(e) && e.companyId === company).length);
  }
  expect(waitlist(ledger, 'arrival')).toEqual(scan.waitlist(ledger, 'arrival'));
  expect(waitlist(ledger, 'score')).toEqual(scan.waitlist(ledger, 'score'));
}

describe('the counts and queues evolve keeps in the ledger', () => {
  it('always agree with a scan of the entries, and never change the ledger they were folded from', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), (events) => {
        let ledger = emptyLedger(8);
        for (const e of events) {
          const before = JSON.stringify(ledger);
          const next = evolveLedger(ledger, e);
          expect(JSON.stringify(ledger)).toBe(before);
          ledger = next;
          checkAgainstScan(ledger);
        }
      }),
      { numRuns: 300 },
    );
  });
});
