/**
 * The enrollment context's published language, the only entry other contexts may import
 * (`@sooc/enrollment-domain/published`; eslint.config.mjs enforces it): its events and the values
 * they carry, its stream names, and the queries it answers about applications for the others.
 */
export type * from './lib/enrollment.events';
export type { EnrollmentStatus } from './lib/enrollment.state';
export {
  ENROLLMENT_TRANSITIONS,
  OPEN_ENROLLMENT_STATUSES,
  statusAfter,
  submittedStatus,
  type StatusTransition,
} from './lib/enrollment-status.transitions';
export { enrollmentIdOf, enrollmentStream } from './lib/streams';
export {
  applicationSnapshotQuery,
  type ApplicationRef,
  type ApplicationSnapshot,
} from './lib/application-snapshot.query';
export { ENROLLMENT_EVENT_TYPES } from './lib/enrollment.event-types';
export { ENROLLMENT_UPCASTERS } from './lib/enrollment.upcasters';
export { ENROLLMENT_PERSONAL_DATA } from './lib/enrollment.personal-data';
