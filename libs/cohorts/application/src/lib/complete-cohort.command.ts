import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './command-outcome';

export class CompleteCohortCommand extends Command<CommandOutcome> {
  constructor(readonly cohortId: string) {
    super();
  }
}
