import { IllegalStateError, FieldProblems, trimmed } from '@sooc/event-sourcing';
import type { DecideApplication } from './selection.commands';
import type { DecisionRecord, SeatSnapshot, SelectionEvent } from './selection.events';
import type { SelectionState } from './selection.state';
import { SELECTION_LIMITS } from './rubric.rules';
import { averageScore, ranking } from './selection.ranking';
import { applicationNotFound, noRubric } from './selection.guards';

const DECISIONS: readonly string[] = ['admit', 'reject', 'waitlist'];

/** The message tells the reviewer what to do instead, and names the quota that is used up. */
function noSeatInPool(enrollmentId: string, seats: SeatSnapshot): IllegalStateError {
  const { quota } = seats;
  const why = quota
    ? `the quota of ${quota.companyId} is used (${quota.used}/${quota.seats})`
    : `no open seat is free (${seats.capacity - seats.free}/${seats.capacity} taken)`;
  return new IllegalStateError(
    'SELECTION.NO_SEAT_IN_POOL',
    `Application ${enrollmentId} cannot be admitted: ${why}; waitlist it instead`,
    {
      enrollmentId,
      freeInPool: seats.freeInPool,
      quota,
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
  const { cohortId, enrollmentId, decision, application, seats, selectionPolicy, decisionId } = command.data;
  if (selectionPolicy === 'first-come') {
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
  if (decision === 'admit' && seats.freeInPool <= 0) throw noSeatInPool(enrollmentId, seats);
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
