import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type RecordAttendance } from '@sooc/enrollment-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { CohortSnapshotReader } from './cohort-snapshot.reader';
import { RecordAttendanceCommand } from './record-attendance.command';

/** The cohort snapshot tells the decider whether the cohort runs and how many sessions it has. */
@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cohorts: CohortSnapshotReader,
  ) {}

  async execute({ cohortId, learnerId, session, attended }: RecordAttendanceCommand): Promise<CommandOutcome> {
    const cohort = await this.cohorts.snapshot(cohortId);
    const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, session, attended, cohort };
    const command: Omit<RecordAttendance, 'metadata'> = { type: 'RecordAttendance', data };
    return outcomeOf(await this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command));
  }
}
