import { cohortNotFound, cohortSeatsQuery, type CohortSeats } from '@sooc/cohorts-domain/published';
import { applicationSnapshotQuery, type ApplicationSnapshot } from '@sooc/enrollment-domain/published';
import type { CommandRunner } from '@sooc/nest';

/** A selection round only exists for a cohort that does: COHORT.NOT_FOUND otherwise. */
export async function existingCohort(runner: CommandRunner, cohortId: string): Promise<CohortSeats> {
  const cohort = await runner.query(cohortSeatsQuery, cohortId);
  if (cohort.status === 'none') throw cohortNotFound(cohortId);
  return cohort;
}

/** The application as enrollment publishes it, fresh from its stream (null: the learner never applied). */
export function applicationOf(
  runner: CommandRunner,
  cohortId: string,
  learnerId: string,
): Promise<ApplicationSnapshot | null> {
  return runner.query(applicationSnapshotQuery, { cohortId, learnerId });
}
