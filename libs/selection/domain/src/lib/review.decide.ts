import { IllegalStateError } from '@sooc/event-sourcing';
import { isDeepStrictEqual } from 'node:util';
import type { ReviewApplication } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import type { SelectionState } from './selection.state';
import { checkReview, normalizeComment, weightedScore } from './review.rules';
import { applicationNotFound, noRubric } from './selection.rules';

export function reviewApplication(command: ReviewApplication, state: SelectionState): SelectionEvent[] {
  const { cohortId, enrollmentId, reviewerId, scores, application } = command.data;
  if (state.status === 'none') throw noRubric(cohortId);
  if (application === null || application.enrollmentId !== enrollmentId) throw applicationNotFound(enrollmentId);
  const { rubric } = state;
  const comment = normalizeComment(command.data.comment);
  const previous = state.reviews[enrollmentId]?.[reviewerId];
  // A retried review changes nothing, even if the application was decided in between.
  if (
    previous &&
    previous.rubricVersion === rubric.version &&
    previous.comment === comment &&
    isDeepStrictEqual(previous.scores, scores)
  )
    return [];
  const decided = state.decisions[enrollmentId];
  if (application.status !== 'submitted' || decided) {
    throw new IllegalStateError(
      'SELECTION.NOT_REVIEWABLE',
      `Application ${enrollmentId} is ${decided ? 'decided' : application.status}: it can no longer be reviewed`,
      {
        enrollmentId,
        status: application.status,
        decision: decided?.decision ?? null,
      },
    );
  }
  checkReview(rubric.criteria, reviewerId, scores, command.data.comment);
  // Stored in the rubric's criteria order, whatever order the reviewer's form sent.
  const ordered = Object.fromEntries(rubric.criteria.map((c) => [c.id, scores[c.id]]));
  return [
    {
      type: 'ApplicationReviewed',
      data: {
        cohortId: state.cohortId,
        enrollmentId,
        reviewerId,
        rubricVersion: rubric.version,
        scores: ordered,
        score: weightedScore(rubric.criteria, ordered),
        comment,
      },
    },
  ];
}
