/**
 * The cohorts context's published language, the only entry other contexts may import
 * (`@sooc/cohorts-domain/published`; eslint.config.mjs enforces it): its events and the values
 * they carry, its stream names, and the queries it answers about its aggregates for the others.
 * Never its deciders, commands, states or rules: those may change without telling anyone.
 */
export type * from './lib/cohort.events';
export type * from './lib/course.events';
export { LEARNER_LEVELS, type CohortSettings, type LearnerLevel, type WaitlistOrder } from './lib/cohort-settings';
export { OPEN_POOL, type LedgerEntryStatus, type SeatReleaseReason } from './lib/seat-ledger.types';
export type { CohortStatus } from './lib/cohort.state';
export type { SeatSnapshot } from './lib/seat-snapshot.query';
export { cohortStream, courseStream } from './lib/streams';
export {
  cohortProfileQuery,
  cohortSeatsQuery,
  courseProfileQuery,
  type CohortProfile,
  type CohortSeats,
  type CourseProfile,
} from './lib/cohort-profile.query';
export { cohortNotFound } from './lib/cohort.error';
export type { AdmissionOutcome, PendingAdmission } from './lib/cohort-admission.query';
export type { Applicant } from './lib/seat-ledger.types';
export { COHORT_EVENT_TYPES } from './lib/cohort.event-types';
