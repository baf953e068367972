import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@sooc/nest';

export class AcceptOfferCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly learnerId: string,
  ) {
    super();
  }
}
