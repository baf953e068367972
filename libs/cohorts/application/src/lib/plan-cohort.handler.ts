import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortEvent,
  type CohortState,
  type PlanCohortData,
} from '@sooc/cohorts-domain';
import type { CommandResult } from '@sooc/event-sourcing';
import type { CommandRunner } from '@sooc/nest';

/** Everything but the course state, which the handler reads from the course stream itself. */
export type PlanCohortInput = Omit<PlanCohortData, 'course'>;

/**
 * A cohort is planned against its course (two streams of this context). The decider, not this
 * handler, decides what a missing or unsuitable course means.
 */
export async function planCohort(
  runner: CommandRunner,
  data: PlanCohortInput,
): Promise<CommandResult<CohortEvent, CohortState>> {
  const course = await runner.load(courseDecider, courseStream(data.courseId));
  return runner.run(cohortDecider, cohortStream(data.cohortId), { type: 'PlanCohort', data: { ...data, course } });
}
