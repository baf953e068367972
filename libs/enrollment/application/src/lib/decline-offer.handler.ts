import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type DeclineOffer } from '@sooc/enrollment-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { DeclineOfferCommand } from './decline-offer.command';

/** The freed seat goes to the next on the waitlist through the reactor (OfferDeclined → ReleaseSeat). */
@CommandHandler(DeclineOfferCommand)
export class DeclineOfferHandler implements ICommandHandler<DeclineOfferCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, learnerId, reason }: DeclineOfferCommand): Promise<CommandOutcome> {
    const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId, reason };
    const command: Omit<DeclineOffer, 'metadata'> = { type: 'DeclineOffer', data };
    return outcomeOf(await this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command));
  }
}
