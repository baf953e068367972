import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@sooc/nest';

export class WithdrawApplicationCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly learnerId: string,
    readonly reason: string | null,
  ) {
    super();
  }
}
