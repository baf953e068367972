import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './command-outcome';

export class ChangeCapacityCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly capacity: number,
  ) {
    super();
  }
}
