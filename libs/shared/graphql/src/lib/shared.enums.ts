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
    SUBMITTED: {
      description: 'Eligible and waiting: for the selection to decide (review cohorts) or for a seat (first-come)',
    },
    INELIGIBLE: { description: 'Final: a course prerequisite is missing (see unmetPrerequisites)' },
    ADMITTED: { description: 'Admitted by the selection; a seat offer follows when a seat is free in its pool' },
    REJECTED: { description: 'Final: the selection rejected the application (see statusReason)' },
    WAITLISTED: { description: 'Queued for a seat; offered one when a seat of its pool frees up, in waitlist order' },
    OFFERED: { description: 'A seat is held for the learner until offerExpiresAt: they accept or decline it' },
    ENROLLED: { description: 'The learner accepted the offer and holds a confirmed seat; attendance is recorded' },
    DECLINED: { description: 'Final: the learner declined the seat offer, which went to the next learner' },
    EXPIRED: { description: 'Final: the seat offer lapsed at offerExpiresAt without an answer' },
    COMPLETED: {
      description:
        "Final: the cohort completed and the learner attended enough sessions (the cohort's completionThreshold)",
    },
    DROPPED: { description: 'Final: the cohort completed and the learner attended too few sessions' },
    WITHDRAWN: { description: 'Final: the learner withdrew before completing (see statusReason)' },
    CANCELLED: { description: 'Final: the cohort was cancelled while the application was still open' },
    NOT_ADMITTED: {
      description:
        'Final: the cohort started while the applicant was waitlisted, undecided, or held an offer not yet accepted',
    },
  },
});
registerEnumType(LearnerLevel, {
  name: 'LearnerLevel',
  description: 'Self-assessed by the learner; groups are balanced on it',
  valuesMap: {
    BEGINNER: { description: 'New to the subject' },
    INTERMEDIATE: { description: 'Knows the basics' },
    ADVANCED: { description: 'Experienced in the subject' },
  },
});
