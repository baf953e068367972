import { IllegalStateError } from '@sooc/event-sourcing';
import type { AdmitApplicant, ConfirmSeat, ReleaseSeat, WaitlistApplicant } from './cohort.commands';
import { requireCohort, wrongStatus, type ExistingCohort } from './cohort.error';
import type { ApplicantWaitlisted, CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';
import { checkApplicant, checkRelease } from './seat-applicant.rules';
import { evolveLedger } from './seat-ledger.evolve';
import { hasFreePool, promote, promotesWaitlist, seatReserved } from './seat-ledger.promotion';
import { aheadPhrase, noSeatReason, seatFreeReason } from './seat-ledger.reasons';
import { freeInPool, holdsSeat, ledgerEntry, poolOf, waitingInPool, waitlist } from './seat-ledger.query';
import { lineAt } from './seat-ledger.lines';
import { sortedCount } from '@sooc/util';
import { OPEN_POOL, type Applicant } from './seat-ledger.types';
import { seatSnapshot } from './seat-snapshot.query';

type Arrival = { readonly cohortId: string; readonly applicant: Applicant; readonly score: number | null };

/** Waitlisted learners of the applicant's pool who would be offered a seat before them. */
function waitingAhead(cohort: ExistingCohort, applicant: Applicant, score: number | null): number {
  const { ledger, settings } = cohort;
  const pool = poolOf(ledger, applicant.companyId);
  const inPool = waitingInPool(ledger, pool);
  // A newcomer arrives last, so an equal score is ahead of them; unscored is behind everyone scored.
  if (settings.waitlistOrder === 'arrival' || score === null) return inPool;
  const scoredAtLeast = sortedCount(
    ledger.queue.byScore,
    (seq) => (lineAt(ledger.entries, seq).score ?? Number.NEGATIVE_INFINITY) >= score,
  );
  if (inPool === ledger.tally.waitlisted) return scoredAtLeast;
  let ahead = 0;
  for (const e of waitlist(ledger, 'score').slice(0, scoredAtLeast))
    if (poolOf(ledger, e.companyId) === pool) ahead += 1;
  return ahead;
}

/**
 * The cohort the applicant may join, or null when the ledger already knows them: a reactor
 * re-sending after a crash must change nothing, even after the seat was released since.
 */
function arrivingAt(state: CohortState, data: Arrival, action: string): ExistingCohort | null {
  const cohort = requireCohort(state, data.cohortId);
  if (ledgerEntry(cohort.ledger, data.applicant.enrollmentId)) return null;
  if (!promotesWaitlist(cohort.status)) {
    throw new IllegalStateError(
      'COHORT.NOT_ACCEPTING',
      `Cohort ${cohort.cohortId} does not ${action} while ${cohort.status}`,
      {
        cohortId: cohort.cohortId,
        status: cohort.status,
      },
    );
  }
  return cohort;
}

/**
 * Queues the applicant, then offers any seat their pool has free at once: the ledger never
 * keeps a free seat beside a waiting learner of the same pool while it takes applicants.
 */
function queue(cohort: ExistingCohort, data: Arrival, now: Date, reason: string): CohortEvent[] {
  const { enrollmentId, learnerId, companyId, level } = data.applicant;
  const pool = poolOf(cohort.ledger, companyId);
  const waitlisted: ApplicantWaitlisted = {
    type: 'ApplicantWaitlisted',
    data: { cohortId: cohort.cohortId, enrollmentId, learnerId, companyId, level, pool, score: data.score, reason },
  };
  // Waitlisting frees no seat: when every pool is full there is nobody to promote, and no need
  // to fold the waitlisting in to find that out (the common case of a crowded cohort).
  if (!hasFreePool(cohort.ledger)) return [waitlisted];
  const ledger = evolveLedger(cohort.ledger, waitlisted);
  const cause = `seat free in the ${pool === OPEN_POOL ? 'open seats' : `quota of ${pool}`}`;
  return [waitlisted, ...promote({ cohortId: cohort.cohortId, ledger, settings: cohort.settings, now, cause })];
}

/**
 * A decision applied records the ledger it met on the event that answers it, so "why was this
 * ADMIT waitlisted?" is answered by the ledger itself, whatever changed since the decision.
 */
function recordingDecision(
  cohort: ExistingCohort,
  data: Arrival & { readonly decisionId?: string | null },
  events: CohortEvent[],
): CohortEvent[] {
  if (typeof data.decisionId !== 'string') return events;
  const appliedDecision = { decisionId: data.decisionId, seats: seatSnapshot(cohort, data.applicant.companyId) };
  return events.map((event, i) =>
    i === 0 && (event.type === 'SeatReserved' || event.type === 'ApplicantWaitlisted')
      ? ({ ...event, data: { ...event.data, appliedDecision } } as CohortEvent)
      : event,
  );
}

export function admitApplicant(command: AdmitApplicant, state: CohortState): CohortEvent[] {
  checkApplicant(command.data.applicant, command.data.score, 'The applicant cannot be admitted');
  const cohort = arrivingAt(state, command.data, 'admit applicants');
  if (!cohort) return [];
  return recordingDecision(cohort, command.data, admitted(cohort, command));
}

function admitted(cohort: ExistingCohort, command: AdmitApplicant): CohortEvent[] {
  const { ledger, settings } = cohort;
  const pool = poolOf(ledger, command.data.applicant.companyId);
  const ahead = waitingAhead(cohort, command.data.applicant, command.data.score);
  if (freeInPool(ledger, pool) > 0 && ahead === 0) {
    const reason = seatFreeReason(ledger, pool);
    return [
      seatReserved(cohort.cohortId, ledger, command.data.applicant, {
        now: command.metadata.now,
        settings,
        promoted: false,
        reason,
      }),
    ];
  }
  return queue(cohort, command.data, command.metadata.now, noSeatReason(ledger, pool, ahead));
}

/** A review decision to wait: a place in the queue. Its seat, if any, comes as a promotion. */
export function waitlistApplicant(command: WaitlistApplicant, state: CohortState): CohortEvent[] {
  checkApplicant(command.data.applicant, command.data.score, 'The applicant cannot be waitlisted');
  const cohort = arrivingAt(state, command.data, 'waitlist applicants');
  if (!cohort) return [];
  const ahead = waitingAhead(cohort, command.data.applicant, command.data.score);
  return recordingDecision(
    cohort,
    command.data,
    queue(
      cohort,
      command.data,
      command.metadata.now,
      `waitlisted by decision; ${ahead === 0 ? 'first in line' : aheadPhrase(ahead)}`,
    ),
  );
}

/**
 * After the end nothing changes and nothing is refused: the reactor releases seats as
 * enrollments close, and an ended cohort has no seat to give back to anyone.
 */
export function releaseSeat(command: ReleaseSeat, state: CohortState): CohortEvent[] {
  const { enrollmentId, reason } = command.data;
  checkRelease(enrollmentId, reason);
  const cohort = requireCohort(state, command.data.cohortId);
  if (cohort.status === 'completed' || cohort.status === 'cancelled') return [];
  const entry = ledgerEntry(cohort.ledger, enrollmentId);
  if (!entry) return [];
  const { cohortId } = cohort;
  const { learnerId } = entry;
  if (entry.status === 'waitlisted')
    return [{ type: 'WaitlistLeft', data: { cohortId, enrollmentId, learnerId, reason } }];
  if (!holdsSeat(entry)) return [];
  const released: CohortEvent = { type: 'SeatReleased', data: { cohortId, enrollmentId, learnerId, reason } };
  if (!promotesWaitlist(cohort.status)) return [released];
  const ledger = evolveLedger(cohort.ledger, released);
  const cause = `seat released by ${enrollmentId} (${reason})`;
  return [released, ...promote({ cohortId, ledger, settings: cohort.settings, now: command.metadata.now, cause })];
}

export function confirmSeat(command: ConfirmSeat, state: CohortState): CohortEvent[] {
  const { enrollmentId } = command.data;
  const cohort = requireCohort(state, command.data.cohortId);
  const entry = ledgerEntry(cohort.ledger, enrollmentId);
  if (entry?.status === 'confirmed') return [];
  if (cohort.status === 'completed' || cohort.status === 'cancelled') throw wrongStatus(cohort, 'confirm a seat in');
  if (entry?.status !== 'reserved') {
    throw new IllegalStateError(
      'COHORT.SEAT_NOT_RESERVED',
      `${enrollmentId} holds no reserved seat in cohort ${cohort.cohortId}`,
      {
        cohortId: cohort.cohortId,
        enrollmentId,
        status: entry?.status ?? null,
      },
    );
  }
  return [{ type: 'SeatConfirmed', data: { cohortId: cohort.cohortId, enrollmentId, learnerId: entry.learnerId } }];
}
