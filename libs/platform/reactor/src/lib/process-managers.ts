import { COHORT_REACTED_EVENT_TYPES, cohortReactionsTo, type CohortReaction } from '@sooc/cohorts-process-managers';
import {
  ENROLLMENT_REACTED_EVENT_TYPES,
  enrollmentReactionsTo,
  type EnrollmentReaction,
} from '@sooc/enrollment-process-managers';
import type { RecordedEvent } from '@sooc/event-sourcing';

export { windowClosingReactions, type DueClosing } from '@sooc/cohorts-process-managers';
export { expiryReactions, type DueOffer } from '@sooc/enrollment-process-managers';

/** A command one context's process managers want sent to one of its own aggregates. */
export type Reaction = CohortReaction | EnrollmentReaction;

/** The reactor's subscription filter: every other event is of no interest to a process manager. */
export const REACTED_EVENT_TYPES: readonly string[] = [
  ...new Set<string>([...ENROLLMENT_REACTED_EVENT_TYPES, ...COHORT_REACTED_EVENT_TYPES]),
];

/**
 * Every context's reactions to one event, the enrollment's first: for a selection decision the
 * learner's history then reads "admitted" before the cohort's seat leads to "seat offered".
 * Each context sends commands only to its own aggregates.
 */
export function reactTo(event: RecordedEvent): Reaction[] {
  return [...enrollmentReactionsTo(event), ...cohortReactionsTo(event)];
}
