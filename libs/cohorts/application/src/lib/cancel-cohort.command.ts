import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './command-outcome';

export class CancelCohortCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly reason: string,
  ) {
    super();
  }
}
