import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enrollmentIdOf } from '@sooc/enrollment-domain';
import { CommandRunner, outcomeOf, RequestContext } from '@sooc/nest';
import { selectionDecider, selectionStream, type ReviewApplication } from '@sooc/selection-domain';
import { ReviewApplicationCommand } from './review-application.command';
import { SelectionLoader } from './selection.loader';
import type { ReviewOutcome } from './selection.outcomes';
import { reviewerOf, reviewIn } from './selection.results';

@CommandHandler(ReviewApplicationCommand)
export class ReviewApplicationHandler implements ICommandHandler<ReviewApplicationCommand, ReviewOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly load: SelectionLoader,
  ) {}

  async execute({ data }: ReviewApplicationCommand): Promise<ReviewOutcome> {
    const { cohortId, learnerId, scores, comment } = data;
    const reviewerId = reviewerOf(RequestContext.current().actor);
    const enrollmentId = enrollmentIdOf(cohortId, learnerId);
    // The cohort first: a review in an unknown cohort is COHORT.NOT_FOUND, not SELECTION.NO_RUBRIC.
    const [, application] = await Promise.all([this.load.cohort(cohortId), this.load.application(cohortId, learnerId)]);
    const command: Omit<ReviewApplication, 'metadata'> = {
      type: 'ReviewApplication',
      data: { cohortId, enrollmentId, reviewerId, scores, comment, application },
    };
    const result = await this.runner.run(selectionDecider, selectionStream(cohortId), command);
    return { ...outcomeOf(result), review: reviewIn(result.state, enrollmentId, reviewerId) };
  }
}
