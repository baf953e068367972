import type { CloseApplications } from '@sooc/cohorts-domain';
import { toCohort, type CohortReaction } from './cohort.reaction';

/** A cohort still taking applications whose window the clock has passed, as the due-closings read model lists it. */
export interface DueClosing {
  readonly cohortId: string;
  readonly closesAt: string;
}

/**
 * Time, not an event, ends an application window. The cohort decides with the command's `now`:
 * it closes once, saying the window ended, and answers a repeat (a second tick, a restart that
 * re-reads a lagging read model, an admin who closed first) with nothing.
 */
export function windowClosingReactions(due: readonly DueClosing[]): CohortReaction[] {
  return due.map(({ cohortId }) =>
    toCohort<CloseApplications>({ type: 'CloseApplications', data: { cohortId, because: 'window-ended' } }),
  );
}
