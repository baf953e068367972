import {
  enrollmentDecider,
  enrollmentIdOf,
  enrollmentStream,
  type Dossier,
  type EnrollmentEvent,
  type EnrollmentState,
} from '@sooc/enrollment-domain';
import type { CommandResult } from '@sooc/event-sourcing';
import type { CommandRunner } from '@sooc/nest';
import { cohortSnapshot } from './cohort.snapshot';

export interface SubmitApplicationInput {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly dossier: Dossier;
}

/** A second application of the same learner is refused by the decider (ENROLLMENT.ALREADY_SUBMITTED), not here. */
export async function submitApplication(
  runner: CommandRunner,
  { cohortId, learnerId, dossier }: SubmitApplicationInput,
): Promise<CommandResult<EnrollmentEvent, EnrollmentState>> {
  const cohort = await cohortSnapshot(runner, cohortId);
  const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, dossier, cohort };
  return runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), { type: 'SubmitApplication', data });
}
