import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@sooc/nest';

export class FormGroupsCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    /** null → the cohort's targetGroupSize setting. */
    readonly targetSize: number | null,
    readonly seed: string,
  ) {
    super();
  }
}
