import { IllegalStateError, FieldProblems, trimmed } from '@sooc/event-sourcing';
import type { DecideApplication } from './selection.commands';
import type { DecisionRecord, SeatSnapshot, SelectionEvent } from './selection.events';
import type { SelectionState } from './selection.state';
import { SELECTION_LIMITS } from './rubric.rules';
import { averageScore, ranking } from './selection.ranking';
import { applicationNotFound, noRubric } from './selection.rules';
import { seatsWhenApplied, type SeatsWhenApplied } from './selection.seats';

const DECISIONS: readonly string[] = ['admit', 'reject', 'waitlist'];

/**
 * The message tells the reviewer what to do instead, and names the quota that is used up,
 * counting this round's admits the ledger has not applied yet (they are the reason after a
 * quick succession of ADMITs).
 */
function noSeatInPool(enrollmentId: string, { seats, pending, admit }: SeatsWhenApplied): IllegalStateError {
  const { quota } = seats;
  const why = quota
    ? `the quota of ${quota.companyId} is used (${quota.used}/${quota.seats})`
    : seats.freeInPool <= 0
      ? `no open seat is free (${seats.capacity - seats.free}/${seats.capacity} taken)`
      : admit.seated
        ? 'no seat is free'
        : admit.reason;
  const counting = pending > 0 ? `, counting ${pending} earlier decision(s) not yet seated` : '';
  return new IllegalStateError(
    'SELECTION.NO_SEAT_IN_POOL',
    `Application ${enrollmentId} cannot be admitted: ${why}${counting}; waitlist it instead`,
    {
      enrollmentId,
      freeInPool: seats.freeInPool,
      quota,
      pendingDecisions: pending,
    },
  );
}

function recordOf(
  state: Extract<SelectionState, { status: 'active' }>,
  enrollmentId: string,
  seats: SeatSnapshot,
): DecisionRecord {
  const reviews = state.reviews[enrollmentId] ?? {};
  const ranked = ranking(state);
  return {
    rubricVersion: state.rubric.version,
    reviews: Object.entries(reviews)
      .map(([reviewerId, r]) => ({ reviewerId, rubricVersion: r.rubricVersion, score: r.score }))
      .sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0)),
    averageScore: averageScore(reviews),
    rank: ranked.find((r) => r.enrollmentId === enrollmentId)?.rank ?? null,
    rankedAmong: ranked.length,
    seats,
  };
}

export function decideApplication(command: DecideApplication, state: SelectionState): SelectionEvent[] {
  const { cohortId, enrollmentId, decision, application, cohort, decisionId } = command.data;
  if (cohort.selectionPolicy === 'first-come') {
    throw new IllegalStateError(
      'SELECTION.FIRST_COME_COHORT',
      `Cohort ${cohortId} admits first come, first served: applications are decided on arrival`,
      { cohortId },
    );
  }
  if (application === null || application.enrollmentId !== enrollmentId) throw applicationNotFound(enrollmentId);
  const previous = state.status === 'active' ? state.decisions[enrollmentId] : undefined;
  if (previous) {
    // A retried request (the enrollment may have moved on since): same answer, nothing new.
    if (previous.decision === decision) return [];
    throw new IllegalStateError(
      'SELECTION.ALREADY_DECIDED',
      `Application ${enrollmentId} was already decided: ${previous.decision}`,
      {
        enrollmentId,
        decision: previous.decision,
        decisionId: previous.decisionId,
      },
    );
  }
  if (application.status !== 'submitted') {
    throw new IllegalStateError(
      'SELECTION.NOT_DECIDABLE',
      `Application ${enrollmentId} is ${application.status}: it can no longer be decided`,
      {
        enrollmentId,
        status: application.status,
      },
    );
  }
  if (state.status === 'none') throw noRubric(cohortId);
  const have = Object.keys(state.reviews[enrollmentId] ?? {}).length;
  const need = state.rubric.reviewsRequired;
  if (have < need) {
    throw new IllegalStateError(
      'SELECTION.NOT_ENOUGH_REVIEWS',
      `Application ${enrollmentId} has ${have} of the ${need} reviews it needs before a decision`,
      {
        enrollmentId,
        have,
        need,
      },
    );
  }
  const reason = trimmed(command.data.reason) ?? '';
  const problems = new FieldProblems();
  problems.require(
    DECISIONS.includes(decision),
    'decision',
    'SELECTION.DECISION_INVALID',
    `decision must be one of ${DECISIONS.join(', ')}`,
  );
  problems.requireText(
    'reason',
    reason,
    { min: 1, max: SELECTION_LIMITS.reasonMax },
    'SELECTION.REASON_INVALID',
    `reason is required and at most ${SELECTION_LIMITS.reasonMax} characters`,
  );
  problems.throwIfAny('The decision is invalid');
  const score = averageScore(state.reviews[enrollmentId] ?? {});
  const when = seatsWhenApplied(state, cohort, application, score, command.metadata);
  // An ADMIT the ledger would waitlist is refused: a decision never says more than its record.
  if (decision === 'admit' && !when.admit.seated) throw noSeatInPool(enrollmentId, when);
  const { seats } = when;
  return [
    {
      type: 'ApplicationDecided',
      data: {
        cohortId: state.cohortId,
        enrollmentId,
        learnerId: application.learnerId,
        companyId: application.companyId,
        level: application.level,
        decisionId,
        decision,
        reason,
        decidedBy: command.metadata.actor,
        record: recordOf(state, enrollmentId, seats),
      },
    },
  ];
}
