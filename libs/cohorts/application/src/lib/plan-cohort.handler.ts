import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cohortDecider, cohortStream, courseDecider, courseStream, type PlanCohort } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CommandOutcome, outcomeOf } from './command-outcome';
import { PlanCohortCommand } from './plan-cohort.command';

/** The decider, not this handler, decides what a missing or unsuitable course means. */
@CommandHandler(PlanCohortCommand)
export class PlanCohortHandler implements ICommandHandler<PlanCohortCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data }: PlanCohortCommand): Promise<CommandOutcome> {
    const course = await this.runner.load(courseDecider, courseStream(data.courseId));
    const command: Omit<PlanCohort, 'metadata'> = { type: 'PlanCohort', data: { ...data, course } };
    return outcomeOf(await this.runner.run(cohortDecider, cohortStream(data.cohortId), command));
  }
}
