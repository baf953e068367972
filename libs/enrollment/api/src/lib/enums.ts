import { registerEnumType } from '@nestjs/graphql';
import type { LearnerLevel as DomainLearnerLevel } from '@sooc/cohorts-domain/published';
import type { EnrollmentStatus } from '@sooc/enrollment-domain';
import { ApplicationStatus, LearnerLevel, type Mirrors } from '@sooc/graphql';

/** Registered once in @sooc/graphql: the cohorts' dashboard and groups carry them too. */
export { ApplicationStatus, LearnerLevel };

/**
 * GraphQL names are SCREAMING_CASE; the values are the domain's, so no mapping code is needed.
 * Names differ from the cohorts and selection APIs' enums on purpose: one schema holds them all.
 */
export enum ApplicationSort {
  ARRIVAL = 'arrival',
  SCORE = 'score',
}

export enum AdmissionDecision {
  ADMIT = 'admit',
  REJECT = 'reject',
  WAITLIST = 'waitlist',
}

/** Fails to compile when the domain gains or loses a value the enum does not mirror. */
export const ENUMS_MIRROR_THE_DOMAIN: [
  Mirrors<`${ApplicationStatus}`, EnrollmentStatus>,
  Mirrors<`${LearnerLevel}`, DomainLearnerLevel>,
] = [true, true];

registerEnumType(ApplicationSort, {
  name: 'ApplicationSort',
  description: 'ARRIVAL: submission order; SCORE: average review score, best first, then arrival',
  valuesMap: {
    ARRIVAL: { description: 'In the order the applications were submitted' },
    SCORE: { description: 'Best average review score first, unreviewed applications last, then in submission order' },
  },
});
registerEnumType(AdmissionDecision, {
  name: 'AdmissionDecision',
  description: 'What the selection decided for an application',
  valuesMap: {
    ADMIT: { description: 'Admitted: a seat of its pool was free and is offered' },
    REJECT: { description: 'Rejected: the application ends' },
    WAITLIST: { description: 'Waitlisted: offered a seat when one of its pool frees up' },
  },
});
