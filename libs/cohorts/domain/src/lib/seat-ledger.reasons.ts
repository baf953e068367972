import { freeSeats, poolSize, quotaTotal, seatsInPool, seatsTaken } from './seat-ledger.query';
import { OPEN_POOL, type SeatLedger } from './seat-ledger.types';

/**
 * The sentences a learner or admin reads to answer "why a seat?" and "why the waitlist?". They
 * describe the ledger before the decision.
 */
export function seatFreeReason(ledger: SeatLedger, pool: string): string {
  if (pool === OPEN_POOL) return `seat free on arrival (${seatsTaken(ledger)}/${ledger.capacity} taken)`;
  return `seat free in the quota of ${pool} on arrival (${seatsInPool(ledger, pool)}/${poolSize(ledger, pool)} used)`;
}

export function aheadPhrase(ahead: number): string {
  return ahead === 1 ? '1 learner waits ahead' : `${ahead} learners wait ahead`;
}

export function noSeatReason(ledger: SeatLedger, pool: string, ahead: number): string {
  if (ahead > 0) return aheadPhrase(ahead);
  if (freeSeats(ledger) === 0) return `no free seat (${seatsTaken(ledger)}/${ledger.capacity} taken)`;
  if (pool !== OPEN_POOL) return `quota of ${pool} used (${seatsInPool(ledger, pool)}/${poolSize(ledger, pool)})`;
  return `no free open seat (${seatsInPool(ledger, OPEN_POOL)}/${poolSize(ledger, OPEN_POOL)} taken; the other ${quotaTotal(ledger)} are company quotas)`;
}
