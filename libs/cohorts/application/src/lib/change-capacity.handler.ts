import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, type ChangeCapacity } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { ChangeCapacityCommand } from './change-capacity.command';
import { CommandOutcome, outcomeOf } from './command-outcome';

@CommandHandler(ChangeCapacityCommand)
export class ChangeCapacityHandler implements ICommandHandler<ChangeCapacityCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, capacity }: ChangeCapacityCommand): Promise<CommandOutcome> {
    const command: Omit<ChangeCapacity, 'metadata'> = { type: 'ChangeCapacity', data: { cohortId, capacity } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
