import { isDeepStrictEqual } from 'node:util';
import { mergeCohortSettings } from './cohort-settings.rules';
import type { ConfigureCohort } from './cohort.commands';
import { requireCohort, requireStatus } from './cohort.error';
import type { CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';

/**
 * Settings may change while the cohort runs (another facilitator, one more session) but not once
 * it has ended: completion already judged attendance against them. No promotions follow: a new
 * waitlist order re-ranks the queue, it frees no seat.
 */
export function configureCohort(command: ConfigureCohort, state: CohortState): CohortEvent[] {
  const cohort = requireCohort(state, command.data.cohortId);
  requireStatus(cohort, ['planned', 'open', 'closed', 'running'], 'configure');
  const settings = mergeCohortSettings(cohort.settings, command.data.changes);
  if (isDeepStrictEqual(settings, cohort.settings)) return [];
  return [{ type: 'CohortConfigured', data: { cohortId: cohort.cohortId, settings } }];
}
