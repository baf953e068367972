import type { EnrollmentEvent } from './enrollment.events';

/**
 * Every event type of the union, at run time: for readers of all of a context's events (the audit
 * trail). The type below fails to compile when the union gains a type this list lacks.
 */
export const ENROLLMENT_EVENT_TYPES = [
  'ApplicationSubmitted',
  'ApplicationAdmitted',
  'ApplicationRejected',
  'ApplicationWaitlisted',
  'SeatOffered',
  'OfferAccepted',
  'OfferDeclined',
  'OfferExpired',
  'AttendanceRecorded',
  'EnrollmentCompleted',
  'LearnerDropped',
  'ApplicationWithdrawn',
  'EnrollmentCancelled',
  'ApplicationNotAdmitted',
] as const satisfies readonly EnrollmentEvent['type'][];

type Missing = Exclude<EnrollmentEvent['type'], (typeof ENROLLMENT_EVENT_TYPES)[number]>;
/** Compiles only while nothing is missing. */
export const ENROLLMENT_EVENT_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
