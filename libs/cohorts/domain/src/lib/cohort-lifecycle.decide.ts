import { FieldProblems, trimmed } from '@sooc/event-sourcing';
import type { CancelCohort, CompleteCohort, StartCohort } from './cohort.commands';
import { requireCohort, requireStatus } from './cohort.error';
import type { CohortEvent, EnrollmentRef } from './cohort.events';
import type { CohortState } from './cohort.state';
import { ledgerEntries } from './seat-ledger.query';
import type { LedgerEntry, LedgerEntryStatus } from './seat-ledger.types';

export const CANCEL_REASON_MAX = 500;

function refsWith(entries: readonly LedgerEntry[], statuses: readonly LedgerEntryStatus[]): EnrollmentRef[] {
  return entries
    .filter((e) => statuses.includes(e.status))
    .map(({ enrollmentId, learnerId }) => ({ enrollmentId, learnerId }));
}

/**
 * Starting is allowed while offers are open, and ends them: a running cohort takes no late
 * joiners. `openOffers` (seats reserved, not confirmed) and `waitlisted` tell the reactor whose
 * applications end as not admitted. The enrollment decides each one: an offer accepted before
 * the reactor gets there stays accepted (its seat is confirmed), as accept and expire race today.
 */
export function startCohort(command: StartCohort, state: CohortState): CohortEvent[] {
  const cohort = requireCohort(state, command.data.cohortId);
  if (cohort.status === 'running') return [];
  requireStatus(cohort, ['closed'], 'start');
  const entries = ledgerEntries(cohort.ledger);
  return [
    {
      type: 'CohortStarted',
      data: {
        cohortId: cohort.cohortId,
        openOffers: refsWith(entries, ['reserved']),
        waitlisted: refsWith(entries, ['waitlisted']),
      },
    },
  ];
}

/** Only confirmed learners are enrolled: an offer still open at the end was never taken up. */
export function completeCohort(command: CompleteCohort, state: CohortState): CohortEvent[] {
  const cohort = requireCohort(state, command.data.cohortId);
  if (cohort.status === 'completed') return [];
  requireStatus(cohort, ['running'], 'complete');
  const { sessions, completionThreshold } = cohort.settings;
  const enrolled = refsWith(ledgerEntries(cohort.ledger), ['confirmed']);
  return [{ type: 'CohortCompleted', data: { cohortId: cohort.cohortId, sessions, completionThreshold, enrolled } }];
}

/**
 * The ledger is left as it was: it records who held what when the cohort was called off, and
 * `affected` tells the reactor whose enrollments to close.
 */
export function cancelCohort(command: CancelCohort, state: CohortState): CohortEvent[] {
  const problems = new FieldProblems();
  const reason = trimmed(command.data.reason) ?? '';
  problems.requireText(
    'reason',
    reason,
    { min: 1, max: CANCEL_REASON_MAX },
    'COHORT.CANCEL_REASON_INVALID',
    `reason is required and at most ${CANCEL_REASON_MAX} characters`,
  );
  problems.throwIfAny('The cohort cannot be cancelled');
  const cohort = requireCohort(state, command.data.cohortId);
  if (cohort.status === 'cancelled') return [];
  requireStatus(cohort, ['planned', 'open', 'closed', 'running'], 'cancel');
  const affected = refsWith(ledgerEntries(cohort.ledger), ['reserved', 'confirmed', 'waitlisted']);
  return [{ type: 'CohortCancelled', data: { cohortId: cohort.cohortId, reason, affected } }];
}
