import type { CohortState } from './cohort.state';
import { freeInPool, freeSeats, poolOf, quotaOf, seatsInPool, waitlist } from './seat-ledger.query';
import { OPEN_POOL, type LedgerEntry } from './seat-ledger.types';

/**
 * The seats as one applicant sees them. Same shape as selection's SeatSnapshot (a selection
 * decision records it), declared here because cohorts must not depend on selection.
 */
export interface SeatSnapshot {
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  readonly free: number;
  readonly waitlisted: number;
  /** The applicant's company quota, when the company has one. */
  readonly quota: { readonly companyId: string; readonly seats: number; readonly used: number } | null;
  /** Free seats in the applicant's own pool (their company's quota, or the open seats). */
  readonly freeInPool: number;
}

/** The cohort's waitlist in offer order; empty for a cohort that does not exist. */
export function waitlistOrder(state: CohortState): LedgerEntry[] {
  return state.status === 'none' ? [] : waitlist(state.ledger, state.settings.waitlistOrder);
}

/** A cohort that does not exist has no seats: every count is 0, so a caller can refuse on its own terms. */
export function seatSnapshot(state: CohortState, companyId: string | null): SeatSnapshot {
  if (state.status === 'none') {
    return { capacity: 0, reserved: 0, confirmed: 0, free: 0, waitlisted: 0, quota: null, freeInPool: 0 };
  }
  const { ledger } = state;
  const { tally } = ledger;
  const pool = poolOf(ledger, companyId);
  return {
    capacity: ledger.capacity,
    reserved: tally.reserved,
    confirmed: tally.confirmed,
    free: freeSeats(ledger),
    waitlisted: tally.waitlisted,
    quota:
      pool === OPEN_POOL ? null : { companyId: pool, seats: quotaOf(ledger, pool), used: seatsInPool(ledger, pool) },
    freeInPool: freeInPool(ledger, pool),
  };
}
