import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';
import type { CohortState, CohortStatus } from './cohort.state';

export type ExistingCohort = Exclude<CohortState, { status: 'none' }>;

export function cohortNotFound(cohortId: string): NotFoundError {
  return new NotFoundError('COHORT.NOT_FOUND', `Cohort ${cohortId} does not exist`, { cohortId });
}

export function requireCohort(state: CohortState, cohortId: string): ExistingCohort {
  if (state.status === 'none') throw cohortNotFound(cohortId);
  return state;
}

/**
 * One code per status a command can be refused in, so a client learns where the cohort stands
 * whatever it tried: the fix ("close applications first", "it has ended") depends on that.
 */
const WRONG_STATUS: Record<CohortStatus, { readonly code: string; readonly why: string }> = {
  planned: { code: 'COHORT.NOT_OPEN', why: 'its applications were never opened' },
  open: { code: 'COHORT.APPLICATIONS_STILL_OPEN', why: 'its applications are still open' },
  closed: { code: 'COHORT.NOT_RUNNING', why: 'it has not started' },
  running: { code: 'COHORT.ALREADY_STARTED', why: 'it is running' },
  completed: { code: 'COHORT.ALREADY_COMPLETED', why: 'it has completed' },
  cancelled: { code: 'COHORT.CANCELLED', why: 'it was cancelled' },
};

export function wrongStatus(state: ExistingCohort, action: string): IllegalStateError {
  const { code, why } = WRONG_STATUS[state.status];
  return new IllegalStateError(code, `Cannot ${action} cohort ${state.cohortId}: ${why}`, {
    cohortId: state.cohortId,
    status: state.status,
  });
}

/** Throws the status's own error unless the cohort is in one of `allowed`. */
export function requireStatus(state: ExistingCohort, allowed: readonly CohortStatus[], action: string): void {
  if (!allowed.includes(state.status)) throw wrongStatus(state, action);
}
