import { Command } from '@nestjs/cqrs';
import type { Dossier } from '@sooc/enrollment-domain';
import type { CommandOutcome } from '@sooc/nest';

export class SubmitApplicationCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly learnerId: string,
    readonly dossier: Dossier,
  ) {
    super();
  }
}
