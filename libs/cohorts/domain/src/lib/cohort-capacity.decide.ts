import { IllegalStateError, FieldProblems, isIntegerBetween, isWellFormedId } from '@sooc/event-sourcing';
import type { ChangeCapacity, SetCompanyQuota } from './cohort.commands';
import { requireCohort, requireStatus, type ExistingCohort } from './cohort.error';
import type { CohortEvent } from './cohort.events';
import { COHORT_LIMITS } from './cohort.rules';
import type { CohortState } from './cohort.state';
import { evolveLedger } from './seat-ledger.evolve';
import { promote, promotesWaitlist } from './seat-ledger.promotion';
import { poolSize, quotaOf, quotaTotal, seatsHeldBy, seatsInPool, seatsTaken } from './seat-ledger.query';
import { OPEN_POOL, type SeatLedger } from './seat-ledger.types';

function promotionsAfter(cohort: ExistingCohort, ledger: SeatLedger, now: Date, cause: string): CohortEvent[] {
  if (!promotesWaitlist(cohort.status)) return [];
  return promote({ cohortId: cohort.cohortId, ledger, settings: cohort.settings, now, cause });
}

/** After a quota or capacity change the open seats must still hold the learners sitting in them. */
function openSeatsHoldTheirLearners(ledger: SeatLedger): boolean {
  return seatsInPool(ledger, OPEN_POOL) <= poolSize(ledger, OPEN_POOL);
}

/**
 * Quotas shape who gets a seat, so they change only until the cohort starts. `seats: 0` removes
 * the quota; the company's seated learners then sit in the open seats, which must have room.
 */
export function setCompanyQuota(command: SetCompanyQuota, state: CohortState): CohortEvent[] {
  const { companyId, seats } = command.data;
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(companyId),
    'companyId',
    'COHORT.COMPANY_ID_INVALID',
    'companyId is required, without surrounding blanks',
  );
  problems.require(
    isIntegerBetween(seats, 0, COHORT_LIMITS.capacityMax),
    'seats',
    'COHORT.QUOTA_INVALID',
    `seats must be a whole number from 0 to ${COHORT_LIMITS.capacityMax}`,
  );
  problems.throwIfAny('The quota cannot be set');
  const cohort = requireCohort(state, command.data.cohortId);
  requireStatus(cohort, ['planned', 'open', 'closed'], 'change quotas of');
  const previous = quotaOf(cohort.ledger, companyId);
  if (previous === seats) return [];

  const event: CohortEvent = {
    type: 'CompanyQuotaSet',
    data: { cohortId: cohort.cohortId, companyId, seats, previous },
  };
  const after = evolveLedger(cohort.ledger, event);
  const details = { cohortId: cohort.cohortId, companyId, seats, capacity: after.capacity };
  if (quotaTotal(after) > after.capacity) {
    throw new IllegalStateError(
      'COHORT.QUOTAS_EXCEED_CAPACITY',
      `Quotas would total ${quotaTotal(after)} seats, above the capacity of ${after.capacity}`,
      {
        ...details,
        quotaTotal: quotaTotal(after),
      },
    );
  }
  const held = seatsHeldBy(after, companyId);
  if (seats > 0 && held > seats) {
    throw new IllegalStateError(
      'COHORT.QUOTA_BELOW_SEATS_TAKEN',
      `Learners of ${companyId} already hold ${held} seats, more than ${seats}`,
      {
        ...details,
        seatsTaken: held,
      },
    );
  }
  if (!openSeatsHoldTheirLearners(after)) {
    throw new IllegalStateError(
      'COHORT.OPEN_SEATS_TAKEN',
      `The open seats would shrink to ${poolSize(after, OPEN_POOL)} while ${seatsInPool(after, OPEN_POOL)} learners hold one`,
      { ...details, openSeats: poolSize(after, OPEN_POOL), openSeatsTaken: seatsInPool(after, OPEN_POOL) },
    );
  }
  const cause =
    seats === 0
      ? `quota of ${companyId} removed (was ${previous})`
      : `quota of ${companyId} set to ${seats} (was ${previous})`;
  return [event, ...promotionsAfter(cohort, after, command.metadata.now, cause)];
}

/** Allowed while running (a room change), never after the end: no seat changes then. */
export function changeCapacity(command: ChangeCapacity, state: CohortState): CohortEvent[] {
  const { capacity } = command.data;
  const { capacityMin, capacityMax } = COHORT_LIMITS;
  const problems = new FieldProblems();
  problems.require(
    isIntegerBetween(capacity, capacityMin, capacityMax),
    'capacity',
    'COHORT.CAPACITY_OUT_OF_BOUNDS',
    `capacity must be a whole number from ${capacityMin} to ${capacityMax}`,
  );
  problems.throwIfAny('The capacity cannot be changed');
  const cohort = requireCohort(state, command.data.cohortId);
  requireStatus(cohort, ['planned', 'open', 'closed', 'running'], 'change the capacity of');
  const from = cohort.ledger.capacity;
  if (from === capacity) return [];

  const event: CohortEvent = { type: 'CapacityChanged', data: { cohortId: cohort.cohortId, from, to: capacity } };
  const after = evolveLedger(cohort.ledger, event);
  const details = { cohortId: cohort.cohortId, capacity, seatsTaken: seatsTaken(after), quotaTotal: quotaTotal(after) };
  if (seatsTaken(after) > capacity) {
    throw new IllegalStateError(
      'COHORT.CAPACITY_BELOW_SEATS_TAKEN',
      `${seatsTaken(after)} seats are taken, more than ${capacity}`,
      details,
    );
  }
  if (quotaTotal(after) > capacity) {
    throw new IllegalStateError(
      'COHORT.CAPACITY_BELOW_QUOTAS',
      `Company quotas total ${quotaTotal(after)} seats, more than ${capacity}`,
      details,
    );
  }
  if (!openSeatsHoldTheirLearners(after)) {
    throw new IllegalStateError(
      'COHORT.CAPACITY_BELOW_SEATS_TAKEN',
      `${seatsInPool(after, OPEN_POOL)} open seats are taken; beside the quotas only ${poolSize(after, OPEN_POOL)} would be left`,
      { ...details, openSeats: poolSize(after, OPEN_POOL), openSeatsTaken: seatsInPool(after, OPEN_POOL) },
    );
  }
  return [
    event,
    ...promotionsAfter(cohort, after, command.metadata.now, `capacity raised from ${from} to ${capacity}`),
  ];
}
