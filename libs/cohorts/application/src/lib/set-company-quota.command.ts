import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './command-outcome';

export class SetCompanyQuotaCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly companyId: string,
    readonly seats: number,
  ) {
    super();
  }
}
