import { Command } from '@nestjs/cqrs';
import type { CohortSettings } from '@sooc/cohorts-domain';
import type { CommandOutcome } from './command-outcome';

export class ConfigureCohortCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly changes: Partial<CohortSettings>,
  ) {
    super();
  }
}
