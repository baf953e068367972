import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type CancelCohort } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CancelCohortCommand } from './cancel-cohort.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(CancelCohortCommand)
export class CancelCohortHandler implements ICommandHandler<CancelCohortCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, reason }: CancelCohortCommand): Promise<CommandOutcome> {
    const command: Omit<CancelCohort, 'metadata'> = { type: 'CancelCohort', data: { cohortId, reason } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
