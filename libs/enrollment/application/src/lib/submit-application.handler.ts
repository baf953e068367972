import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type SubmitApplication } from '@sooc/enrollment-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { CohortSnapshotReader } from './cohort-snapshot.reader';
import { SubmitApplicationCommand } from './submit-application.command';

/** A second application of the same learner is refused by the decider (ENROLLMENT.ALREADY_SUBMITTED), not here. */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cohorts: CohortSnapshotReader,
  ) {}

  async execute({ cohortId, learnerId, dossier }: SubmitApplicationCommand): Promise<CommandOutcome> {
    const cohort = await this.cohorts.snapshot(cohortId);
    const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, dossier, cohort };
    const command: Omit<SubmitApplication, 'metadata'> = { type: 'SubmitApplication', data };
    return outcomeOf(await this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command));
  }
}
