import {
  enrollmentDecider,
  enrollmentIdOf,
  enrollmentStream,
  type EnrollmentEvent,
  type EnrollmentState,
} from '@sooc/enrollment-domain';
import type { CommandResult } from '@sooc/event-sourcing';
import type { CommandRunner } from '@sooc/nest';
import { cohortSnapshot } from './cohort.snapshot';

export interface RecordAttendanceInput {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly session: number;
  readonly attended: boolean;
}

/** The cohort snapshot tells the decider whether the cohort runs and how many sessions it has. */
export async function recordAttendance(
  runner: CommandRunner,
  { cohortId, learnerId, session, attended }: RecordAttendanceInput,
): Promise<CommandResult<EnrollmentEvent, EnrollmentState>> {
  const cohort = await cohortSnapshot(runner, cohortId);
  const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, session, attended, cohort };
  return runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), { type: 'RecordAttendance', data });
}
