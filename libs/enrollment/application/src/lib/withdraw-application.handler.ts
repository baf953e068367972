import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type WithdrawApplication } from '@sooc/enrollment-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { WithdrawApplicationCommand } from './withdraw-application.command';

/** The seat (if any) is released by the reactor reacting to ApplicationWithdrawn. */
@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, learnerId, reason }: WithdrawApplicationCommand): Promise<CommandOutcome> {
    const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, reason };
    const command: Omit<WithdrawApplication, 'metadata'> = { type: 'WithdrawApplication', data };
    return outcomeOf(await this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command));
  }
}
