import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type StartCohort } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { StartCohortCommand } from './start-cohort.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(StartCohortCommand)
export class StartCohortHandler implements ICommandHandler<StartCohortCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId }: StartCohortCommand): Promise<CommandOutcome> {
    const command: Omit<StartCohort, 'metadata'> = { type: 'StartCohort', data: { cohortId } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
