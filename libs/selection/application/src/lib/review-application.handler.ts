import { enrollmentIdOf } from '@sooc/enrollment-domain/published';
import { outcomeOf, RequestContext, type CommandRunner } from '@sooc/nest';
import { selectionDecider, selectionStream, type ReviewApplication } from '@sooc/selection-domain';
import { applicationOf, existingCohort } from './cohort.seats';
import type { ReviewOutcome } from './selection.outcomes';
import { reviewerOf, reviewIn } from './selection.results';

export interface ReviewApplicationInput {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly comment: string | null;
}

/** Signed by the caller; the cohort must exist and the application is read from its enrollment stream. */
export async function reviewApplication(runner: CommandRunner, input: ReviewApplicationInput): Promise<ReviewOutcome> {
  const { cohortId, learnerId, scores, comment } = input;
  const reviewerId = reviewerOf(RequestContext.current().actor);
  const enrollmentId = enrollmentIdOf(cohortId, learnerId);
  // The cohort first: a review in an unknown cohort is COHORT.NOT_FOUND, not SELECTION.NO_RUBRIC.
  const [, application] = await Promise.all([
    existingCohort(runner, cohortId),
    applicationOf(runner, cohortId, learnerId),
  ]);
  const command: Omit<ReviewApplication, 'metadata'> = {
    type: 'ReviewApplication',
    data: { cohortId, enrollmentId, reviewerId, scores, comment, application },
  };
  const result = await runner.run(selectionDecider, selectionStream(cohortId), command);
  return { ...outcomeOf(result), review: reviewIn(result.state, enrollmentId, reviewerId) };
}
