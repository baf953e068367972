import { registerEnumType } from '@nestjs/graphql';

/*
 * Enums that the types of several contexts carry (an application's status on the enrollment's
 * Application and on the cohort's dashboard counts; a learner's level on an Application and on a
 * group member). The gateway serves one schema, where a name is one type, so each is registered
 * once, here. The values are the domains' (no mapping code); each context's API checks at compile
 * time that they mirror its domain (`ENUMS_MIRROR_THE_DOMAIN` in its enums.ts).
 */

/** GraphQL names are SCREAMING_CASE; the values are the enrollment's statuses. */
export enum ApplicationStatus {
  SUBMITTED = 'submitted',
  INELIGIBLE = 'ineligible',
  ADMITTED = 'admitted',
  REJECTED = 'rejected',
  WAITLISTED = 'waitlisted',
  OFFERED = 'offered',
  ENROLLED = 'enrolled',
  DECLINED = 'declined',
  EXPIRED = 'expired',
  COMPLETED = 'completed',
  DROPPED = 'dropped',
  WITHDRAWN = 'withdrawn',
  CANCELLED = 'cancelled',
  /** The cohort started before the applicant held a confirmed seat (waitlisted, or an offer still open). */
  NOT_ADMITTED = 'not-admitted',
}

/** The cohort's learner levels. */
export enum LearnerLevel {
  BEGINNER = 'beginner',
  INTERMEDIATE = 'intermediate',
  ADVANCED = 'advanced',
}

/** Fails to compile when a domain gains or loses a value the enum does not mirror. */
export type Mirrors<Values extends string, Domain extends string> = [Values] extends [Domain]
  ? [Domain] extends [Values]
    ? true
    : never
  : never;

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'Where an application stands: submitted → admitted | waitlisted → offered → enrolled → completed, or one of the ends',
  valuesMap: {
    NOT_ADMITTED: {
      description:
        'Final: the cohort started while the applicant was waitlisted, undecided, or held an offer not yet accepted',
    },
  },
});
registerEnumType(LearnerLevel, {
  name: 'LearnerLevel',
  description: 'Self-assessed by the learner; groups are balanced on it',
});
