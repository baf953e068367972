import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type OpenApplications } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CommandOutcome, outcomeOf } from './command-outcome';
import { OpenApplicationsCommand } from './open-applications.command';

@CommandHandler(OpenApplicationsCommand)
export class OpenApplicationsHandler implements ICommandHandler<OpenApplicationsCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId }: OpenApplicationsCommand): Promise<CommandOutcome> {
    const command: Omit<OpenApplications, 'metadata'> = { type: 'OpenApplications', data: { cohortId } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
