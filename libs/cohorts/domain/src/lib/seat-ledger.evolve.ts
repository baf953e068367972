import type { CohortEvent } from './cohort.events';
import { hashTrieSet } from '@sooc/util';
import { withLine } from './seat-ledger.lines';
import { ledgerEntry } from './seat-ledger.query';
import { requeue, retally, retallyQuota } from './seat-ledger.tally';
import type { Applicant, LedgerEntry, SeatLedger } from './seat-ledger.types';

/** Writes the line at its seq and keeps the index, tally and queue in step with it. */
function withEntry(ledger: SeatLedger, entry: LedgerEntry): SeatLedger {
  const before = ledgerEntry(ledger, entry.enrollmentId);
  return {
    ...ledger,
    entries: withLine(ledger.entries, entry),
    index: before ? ledger.index : hashTrieSet(ledger.index, entry.enrollmentId, entry.seq),
    nextSeq: before ? ledger.nextSeq : ledger.nextSeq + 1,
    tally: retally(ledger.tally, before, entry),
    queue: requeue(ledger.queue, ledger.entries, before, entry),
  };
}

function applicantOf(data: Applicant): Applicant {
  const { enrollmentId, learnerId, companyId, level } = data;
  return { enrollmentId, learnerId, companyId, level };
}

/** Changes only the status of a known entry; an event for an unknown enrollment changes nothing. */
function withStatus(ledger: SeatLedger, enrollmentId: string, status: LedgerEntry['status']): SeatLedger {
  const entry = ledgerEntry(ledger, enrollmentId);
  return entry ? withEntry(ledger, { ...entry, status, offerExpiresAt: null }) : ledger;
}

/**
 * The ledger's part of the cohort fold. Returns new objects only: folded states are shared by a
 * cache, so nothing here may write into the ledger it was given.
 */
export function evolveLedger(ledger: SeatLedger, event: CohortEvent): SeatLedger {
  switch (event.type) {
    case 'SeatReserved': {
      const known = ledgerEntry(ledger, event.data.enrollmentId);
      // A promoted learner keeps their arrival number and score: they are the same line, moved on.
      return withEntry(ledger, {
        ...applicantOf(event.data),
        status: 'reserved',
        score: known?.score ?? null,
        seq: known?.seq ?? ledger.nextSeq,
        offerExpiresAt: event.data.offerExpiresAt,
      });
    }
    case 'ApplicantWaitlisted': {
      const known = ledgerEntry(ledger, event.data.enrollmentId);
      return withEntry(ledger, {
        ...applicantOf(event.data),
        status: 'waitlisted',
        score: event.data.score,
        seq: known?.seq ?? ledger.nextSeq,
        offerExpiresAt: null,
      });
    }
    case 'SeatConfirmed':
      return withStatus(ledger, event.data.enrollmentId, 'confirmed');
    case 'SeatReleased':
      return withStatus(ledger, event.data.enrollmentId, 'released');
    case 'WaitlistLeft':
      return withStatus(ledger, event.data.enrollmentId, 'left');
    case 'CompanyQuotaSet': {
      // A quota of 0 is no quota: dropping the key keeps "has a quota" a single lookup.
      const { [event.data.companyId]: _dropped, ...others } = ledger.quotas;
      const quotas = event.data.seats > 0 ? { ...others, [event.data.companyId]: event.data.seats } : others;
      return { ...ledger, quotas, tally: retallyQuota(ledger, event.data.companyId, event.data.seats) };
    }
    case 'CapacityChanged':
      return { ...ledger, capacity: event.data.to };
    default:
      return ledger;
  }
}
