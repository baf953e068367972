import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type CompleteCohort } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CompleteCohortCommand } from './complete-cohort.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(CompleteCohortCommand)
export class CompleteCohortHandler implements ICommandHandler<CompleteCohortCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId }: CompleteCohortCommand): Promise<CommandOutcome> {
    const command: Omit<CompleteCohort, 'metadata'> = { type: 'CompleteCohort', data: { cohortId } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
