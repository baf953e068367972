import type { CohortCancelled, CohortCompleted, CohortStarted } from '@sooc/cohorts-domain/published';
import type { CancelEnrollment, CompleteEnrollment, EndAtCohortStart } from '@sooc/enrollment-domain';
import { toEnrollment } from './reaction.builders';
import type { EnrollmentReaction } from './reaction.types';

/** Each enrolled learner completes or is dropped by their own attendance, against the cohort's rule. */
export function onCohortCompleted({ data }: CohortCompleted): EnrollmentReaction[] {
  const { cohortId, sessions, completionThreshold } = data;
  return data.enrolled.map(({ enrollmentId, learnerId }) =>
    toEnrollment<CompleteEnrollment>({
      type: 'CompleteEnrollment',
      data: { enrollmentId, cohortId, learnerId, sessions, completionThreshold },
    }),
  );
}

export const START_REASONS = {
  openOffer: 'the cohort started before this offer was accepted',
  waitlisted: 'the cohort started with no seat free for this application',
} as const;

/**
 * A running cohort takes no late joiners: each open offer and each waitlisted application gets a
 * final answer. The enrollment decides it, so an offer accepted first stays accepted.
 */
export function onCohortStarted({ data }: CohortStarted): EnrollmentReaction[] {
  const { cohortId } = data;
  const end = (refs: CohortStarted['data']['openOffers'], reason: string) =>
    (refs ?? []).map(({ enrollmentId, learnerId }) =>
      toEnrollment<EndAtCohortStart>({ type: 'EndAtCohortStart', data: { enrollmentId, cohortId, learnerId, reason } }),
    );
  return [...end(data.openOffers, START_REASONS.openOffer), ...end(data.waitlisted, START_REASONS.waitlisted)];
}

export function onCohortCancelled({ data }: CohortCancelled): EnrollmentReaction[] {
  const { cohortId, reason } = data;
  return data.affected.map(({ enrollmentId, learnerId }) =>
    toEnrollment<CancelEnrollment>({ type: 'CancelEnrollment', data: { enrollmentId, cohortId, learnerId, reason } }),
  );
}
