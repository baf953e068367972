import type { CohortEvent } from './cohort.events';
import type { CourseEvent } from './course.events';

/**
 * Every event type of the union, at run time: for readers of all of a context's events (the audit
 * trail). The type below fails to compile when the union gains a type this list lacks.
 */
export const COHORT_EVENT_TYPES = [
  'CohortPlanned',
  'ApplicationsOpened',
  'ApplicationsClosed',
  'CohortConfigured',
  'CompanyQuotaSet',
  'CapacityChanged',
  'SeatReserved',
  'SeatConfirmed',
  'SeatReleased',
  'ApplicantWaitlisted',
  'WaitlistLeft',
  'CohortStarted',
  'CohortCompleted',
  'CohortCancelled',
  'GroupsFormed',
  'CourseDrafted',
] as const satisfies readonly (CohortEvent | CourseEvent)['type'][];

type Missing = Exclude<(CohortEvent | CourseEvent)['type'], (typeof COHORT_EVENT_TYPES)[number]>;
/** Compiles only while nothing is missing. */
export const COHORT_EVENT_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
