import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';

export function noRubric(cohortId: string): IllegalStateError {
  return new IllegalStateError(
    'SELECTION.NO_RUBRIC',
    `Cohort ${cohortId} has no rubric yet: define one before reviewing or deciding`,
    { cohortId },
  );
}

/** Same code as the enrollment's own: for a client, the application is what is missing. */
export function applicationNotFound(enrollmentId: string): NotFoundError {
  return new NotFoundError('ENROLLMENT.NOT_FOUND', `No application ${enrollmentId} exists`, { enrollmentId });
}
