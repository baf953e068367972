import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type CloseApplications } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CloseApplicationsCommand } from './close-applications.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(CloseApplicationsCommand)
export class CloseApplicationsHandler implements ICommandHandler<CloseApplicationsCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId }: CloseApplicationsCommand): Promise<CommandOutcome> {
    const command: Omit<CloseApplications, 'metadata'> = { type: 'CloseApplications', data: { cohortId } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
