import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type FormGroups } from '@sooc/cohorts-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { FormGroupsCommand } from './form-groups.command';

/**
 * Groups are formed by the cohort (it knows who holds a seat), but asked for from the enrollment
 * API next to the dashboard; the cohorts domain is published, so this context may send it.
 */
@CommandHandler(FormGroupsCommand)
export class FormGroupsHandler implements ICommandHandler<FormGroupsCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, targetSize, seed }: FormGroupsCommand): Promise<CommandOutcome> {
    const command: Omit<FormGroups, 'metadata'> = { type: 'FormGroups', data: { cohortId, targetSize, seed } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
