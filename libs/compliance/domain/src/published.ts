/** The compliance context's published language: its events and stream names. */
export type * from './lib/learner-erasure.events';
export { COMPLIANCE_EVENT_TYPES } from './lib/compliance.event-types';
export { learnerPrivacyStream } from './lib/streams';
