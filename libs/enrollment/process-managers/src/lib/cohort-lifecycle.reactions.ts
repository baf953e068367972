import type { CohortCancelled, CohortCompleted } from '@sooc/cohorts-domain/published';
import type { CancelEnrollment, CompleteEnrollment } from '@sooc/enrollment-domain';
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

export function onCohortCancelled({ data }: CohortCancelled): EnrollmentReaction[] {
  const { cohortId, reason } = data;
  return data.affected.map(({ enrollmentId, learnerId }) =>
    toEnrollment<CancelEnrollment>({ type: 'CancelEnrollment', data: { enrollmentId, cohortId, learnerId, reason } }),
  );
}
