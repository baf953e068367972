import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type ConfigureCohort } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { ConfigureCohortCommand } from './configure-cohort.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(ConfigureCohortCommand)
export class ConfigureCohortHandler implements ICommandHandler<ConfigureCohortCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, changes }: ConfigureCohortCommand): Promise<CommandOutcome> {
    const command: Omit<ConfigureCohort, 'metadata'> = { type: 'ConfigureCohort', data: { cohortId, changes } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
