import type { CohortSettings, WaitlistOrder } from './cohort-settings';
import type { SeatReserved } from './cohort.events';
import type { CohortStatus } from './cohort.state';
import { evolveLedger } from './seat-ledger.evolve';
import { lineAt } from './seat-ledger.lines';
import { freeInPool, poolOf, pools, waitingSeqs } from './seat-ledger.query';
import type { Applicant, LedgerEntry, SeatLedger } from './seat-ledger.types';

const HOUR = 3_600_000;

/**
 * Seats go to the waitlist only before the cohort runs: a running cohort takes no late joiners
 * (they would have missed sessions and their group), and an ended one has no seats to give.
 */
export function promotesWaitlist(status: CohortStatus): boolean {
  return status === 'open' || status === 'closed';
}

export function offerExpiresAt(now: Date, settings: CohortSettings): string {
  return new Date(now.getTime() + settings.offerTtlHours * HOUR).toISOString();
}

export function seatReserved(
  cohortId: string,
  ledger: SeatLedger,
  applicant: Applicant,
  offer: { readonly now: Date; readonly settings: CohortSettings; readonly promoted: boolean; readonly reason: string },
): SeatReserved {
  const { enrollmentId, learnerId, companyId, level } = applicant;
  return {
    type: 'SeatReserved',
    data: {
      cohortId,
      enrollmentId,
      learnerId,
      companyId,
      level,
      pool: poolOf(ledger, companyId),
      offerExpiresAt: offerExpiresAt(offer.now, offer.settings),
      promoted: offer.promoted,
      reason: offer.reason,
    },
  };
}

/** Whether any pool has a free seat: without one, nobody can be promoted. */
export function hasFreePool(ledger: SeatLedger): boolean {
  return pools(ledger).some((pool) => freeInPool(ledger, pool) > 0);
}

/**
 * The first waitlisted learner, in offer order, whose pool has a free seat. Most arrivals meet
 * full pools, so that is checked first, without walking the waitlist.
 */
function firstWithRoom(ledger: SeatLedger, order: WaitlistOrder): LedgerEntry | undefined {
  if (!hasFreePool(ledger)) return undefined;
  const free = new Map(pools(ledger).map((pool) => [pool, freeInPool(ledger, pool)]));
  for (const seq of waitingSeqs(ledger, order)) {
    const entry = lineAt(ledger.entries, seq);
    if ((free.get(poolOf(ledger, entry.companyId)) ?? 0) > 0) return entry;
  }
  return undefined;
}

export interface PromotionInput {
  readonly cohortId: string;
  readonly ledger: SeatLedger;
  readonly settings: CohortSettings;
  readonly now: Date;
  /** What freed the seats, for the reason: "seat released by e-12 (withdrawn)". */
  readonly cause: string;
}

/**
 * While some pool has a free seat, offers it to the first waitlisted learner (in waitlist order)
 * whose pool has room. A learner further down may be promoted before one above when only their
 * pool has room: a full quota does not hold up the open seats, nor the other way round.
 */
export function promote(input: PromotionInput): SeatReserved[] {
  const events: SeatReserved[] = [];
  let ledger = input.ledger;
  for (;;) {
    const next = firstWithRoom(ledger, input.settings.waitlistOrder);
    if (!next) return events;
    const event = seatReserved(input.cohortId, ledger, next, {
      now: input.now,
      settings: input.settings,
      promoted: true,
      reason: `promoted: ${input.cause}`,
    });
    events.push(event);
    ledger = evolveLedger(ledger, event);
  }
}
