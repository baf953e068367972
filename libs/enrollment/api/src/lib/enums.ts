import { registerEnumType } from '@nestjs/graphql';
import type { LearnerLevel as DomainLearnerLevel, WaitlistOrder } from '@sooc/cohorts-domain/published';
import type { EnrollmentStatus } from '@sooc/enrollment-domain';

/**
 * GraphQL names are SCREAMING_CASE; the values are the domain's, so no mapping code is needed.
 * Names differ from the cohorts and selection APIs' enums on purpose: one schema holds them all.
 */
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

export enum LearnerLevel {
  BEGINNER = 'beginner',
  INTERMEDIATE = 'intermediate',
  ADVANCED = 'advanced',
}

export enum ApplicationSort {
  ARRIVAL = 'arrival',
  SCORE = 'score',
}

export enum AdmissionDecision {
  ADMIT = 'admit',
  REJECT = 'reject',
  WAITLIST = 'waitlist',
}

export enum DashboardWaitlistOrder {
  ARRIVAL = 'arrival',
  SCORE = 'score',
}

/** Fails to compile when the domain gains or loses a value the enum does not mirror. */
type Mirrors<Values extends string, Domain extends string> = [Values] extends [Domain]
  ? [Domain] extends [Values]
    ? true
    : never
  : never;
export const ENUMS_MIRROR_THE_DOMAIN: [
  Mirrors<`${ApplicationStatus}`, EnrollmentStatus>,
  Mirrors<`${LearnerLevel}`, DomainLearnerLevel>,
  Mirrors<`${DashboardWaitlistOrder}`, WaitlistOrder>,
] = [true, true, true];

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
registerEnumType(ApplicationSort, {
  name: 'ApplicationSort',
  description: 'ARRIVAL: submission order; SCORE: average review score, best first, then arrival',
});
registerEnumType(AdmissionDecision, {
  name: 'AdmissionDecision',
  description: 'What the selection decided for an application',
});
registerEnumType(DashboardWaitlistOrder, {
  name: 'DashboardWaitlistOrder',
  description: 'How the waitlist is ranked: arrival order or review score',
});
