import { isDeepStrictEqual } from 'node:util';
import { IllegalStateError, FieldProblems, isIntegerBetween } from '@sooc/event-sourcing';
import { SETTINGS_LIMITS } from './cohort-settings';
import type { FormGroups } from './cohort.commands';
import { requireCohort, requireStatus } from './cohort.error';
import type { CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';
import { formGroups } from './groups.formation';
import { ledgerEntries } from './seat-ledger.query';

export const GROUP_SEED_MAX = 100;

/**
 * Groups form from confirmed learners once the roster is final (closed or running). A repeat
 * with the same seed and size over the same learners gives the groups the cohort already has,
 * so it changes nothing instead of counting a new formation.
 */
export function formCohortGroups(command: FormGroups, state: CohortState): CohortEvent[] {
  const { targetSize: requested, seed } = command.data;
  const { groupSizeMin, groupSizeMax } = SETTINGS_LIMITS;
  const problems = new FieldProblems();
  problems.require(
    requested === null || isIntegerBetween(requested, groupSizeMin, groupSizeMax),
    'targetSize',
    'COHORT.GROUP_SIZE_OUT_OF_BOUNDS',
    `targetSize is null (the cohort's setting) or a whole number from ${groupSizeMin} to ${groupSizeMax}`,
  );
  problems.requireText(
    'seed',
    typeof seed === 'string' && seed.trim().length > 0 ? seed : null,
    { min: 1, max: GROUP_SEED_MAX },
    'COHORT.SEED_INVALID',
    `seed is required and at most ${GROUP_SEED_MAX} characters`,
  );
  problems.throwIfAny('Groups cannot be formed');
  const cohort = requireCohort(state, command.data.cohortId);
  requireStatus(cohort, ['closed', 'running'], 'form groups in');

  const learners = ledgerEntries(cohort.ledger)
    .filter((e) => e.status === 'confirmed')
    .map(({ enrollmentId, learnerId, companyId, level }) => ({ enrollmentId, learnerId, companyId, level }));
  if (learners.length === 0) {
    throw new IllegalStateError('COHORT.NO_LEARNERS', `Cohort ${cohort.cohortId} has no confirmed learners to group`, {
      cohortId: cohort.cohortId,
    });
  }
  const targetSize = requested ?? cohort.settings.targetGroupSize;
  const groups = formGroups(learners, targetSize, seed);
  const latest = cohort.groups;
  if (latest && latest.seed === seed && latest.targetSize === targetSize && isDeepStrictEqual(latest.groups, groups))
    return [];
  const formation = (latest?.formation ?? 0) + 1;
  return [{ type: 'GroupsFormed', data: { cohortId: cohort.cohortId, formation, targetSize, seed, groups } }];
}
