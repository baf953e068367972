import { streamName } from '@sooc/event-sourcing';

/**
 * One stream per learner and cohort, with a deterministic id: appending the first event with
 * `no_stream` makes a second application of the same learner to the same cohort impossible,
 * across processes, without any lock.
 */
export const enrollmentIdOf = (cohortId: string, learnerId: string) => `${cohortId}-${learnerId}`;
export const enrollmentStream = (cohortId: string, learnerId: string) =>
  streamName('enrollment', enrollmentIdOf(cohortId, learnerId));
