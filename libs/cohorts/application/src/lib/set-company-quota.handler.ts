import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type SetCompanyQuota } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { SetCompanyQuotaCommand } from './set-company-quota.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(SetCompanyQuotaCommand)
export class SetCompanyQuotaHandler implements ICommandHandler<SetCompanyQuotaCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, companyId, seats }: SetCompanyQuotaCommand): Promise<CommandOutcome> {
    const command: Omit<SetCompanyQuota, 'metadata'> = {
      type: 'SetCompanyQuota',
      data: { cohortId, companyId, seats },
    };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
