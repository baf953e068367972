import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentIdOf } from '@sooc/enrollment-domain';
import { CommandRunner, outcomeOf } from '@sooc/nest';
import { selectionDecider, selectionStream, type DecideApplication } from '@sooc/selection-domain';
import { DecideApplicationCommand } from './decide-application.command';
import { decidedApplications } from './decided-applications.fold';
import { SelectionLoader } from './selection.loader';
import type { DecisionOutcome, DecisionView } from './selection.outcomes';
import { decisionWritten } from './selection.results';

/**
 * The cohort is folded from its stream just before deciding and handed to the decider, which adds
 * this round's decisions its ledger has not applied yet: the decision is quota-aware and its
 * record is the ledger it will be applied to. A fresh decision id each time: a retried
 * request that repeats a decision writes nothing and gets the decision already taken.
 */
@CommandHandler(DecideApplicationCommand)
export class DecideApplicationHandler implements ICommandHandler<DecideApplicationCommand, DecisionOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly load: SelectionLoader,
  ) {}

  async execute({ data }: DecideApplicationCommand): Promise<DecisionOutcome> {
    const { cohortId, learnerId, decision, reason } = data;
    const [cohort, application] = await Promise.all([
      this.load.cohort(cohortId),
      this.load.application(cohortId, learnerId),
    ]);
    const enrollmentId = enrollmentIdOf(cohortId, learnerId);
    const command: Omit<DecideApplication, 'metadata'> = {
      type: 'DecideApplication',
      data: {
        cohortId,
        enrollmentId,
        decision,
        reason,
        application,
        cohort,
        decisionId: randomUUID(),
      },
    };
    const result = await this.runner.run(selectionDecider, selectionStream(cohortId), command);
    return {
      ...outcomeOf(result),
      decision: decisionWritten(result, enrollmentId) ?? (await this.decisionTaken(cohortId, enrollmentId)),
    };
  }

  private async decisionTaken(cohortId: string, enrollmentId: string): Promise<DecisionView> {
    const decision = (await this.runner.load(decidedApplications, selectionStream(cohortId)))[enrollmentId];
    if (!decision) throw new Error(`The decision on ${enrollmentId} is missing after a successful command`);
    return decision;
  }
}
