import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type AcceptOffer } from '@sooc/enrollment-domain';
import { CommandOutcome, CommandRunner, outcomeOf } from '@sooc/nest';
import { AcceptOfferCommand } from './accept-offer.command';

/** The reserved seat becomes confirmed when the reactor reacts to OfferAccepted. */
@CommandHandler(AcceptOfferCommand)
export class AcceptOfferHandler implements ICommandHandler<AcceptOfferCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ cohortId, learnerId }: AcceptOfferCommand): Promise<CommandOutcome> {
    const data = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId };
    const command: Omit<AcceptOffer, 'metadata'> = { type: 'AcceptOffer', data };
    return outcomeOf(await this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command));
  }
}
