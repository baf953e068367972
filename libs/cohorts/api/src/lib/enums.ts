import { registerEnumType } from '@nestjs/graphql';
import type { LearnerLevel as DomainLearnerLevel, WaitlistOrder as DomainWaitlistOrder } from '@sooc/cohorts-domain';
import type { EnrollmentStatus } from '@sooc/enrollment-domain/published';
import { ApplicationStatus, LearnerLevel, type Mirrors } from '@sooc/graphql';

/** Registered once in @sooc/graphql: the enrollment's applications carry them too. */
export { ApplicationStatus, LearnerLevel };

/** GraphQL names are SCREAMING_CASE; the values are the domain's, so no mapping code is needed. */
export enum CohortStatus {
  PLANNED = 'planned',
  OPEN = 'open',
  CLOSED = 'closed',
  RUNNING = 'running',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
}

export enum WaitlistOrder {
  ARRIVAL = 'arrival',
  SCORE = 'score',
}

export enum SelectionPolicy {
  FIRST_COME = 'first-come',
  REVIEW = 'review',
}

export enum CourseStatus {
  DRAFTED = 'drafted',
}

/** The dashboard's own name for the waitlist order (the schema had it before the dashboard moved here). */
export enum DashboardWaitlistOrder {
  ARRIVAL = 'arrival',
  SCORE = 'score',
}

/** Fails to compile when a domain gains or loses a value an enum does not mirror. */
export const ENUMS_MIRROR_THE_DOMAIN: [
  Mirrors<`${ApplicationStatus}`, EnrollmentStatus>,
  Mirrors<`${LearnerLevel}`, DomainLearnerLevel>,
  Mirrors<`${DashboardWaitlistOrder}`, DomainWaitlistOrder>,
  Mirrors<`${WaitlistOrder}`, DomainWaitlistOrder>,
] = [true, true, true, true];

registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description: 'Lifecycle of a course (published, revised, retired come later)',
  valuesMap: { DRAFTED: { description: 'Drafted: cohorts of it can be planned' } },
});
registerEnumType(CohortStatus, {
  name: 'CohortStatus',
  description: 'Lifecycle of a cohort: planned → open → closed → running → completed, or cancelled',
  valuesMap: {
    PLANNED: { description: 'Planned; applications not open yet' },
    OPEN: { description: 'Accepting applications within its application window' },
    CLOSED: { description: 'Applications closed (by an admin, or at the end of the window); not started yet' },
    RUNNING: { description: 'Started: the roster is final and attendance is recorded' },
    COMPLETED: { description: 'Final: ended; enrolled learners completed or were dropped on their attendance' },
    CANCELLED: { description: 'Final: cancelled; open applications were cancelled with it' },
  },
});
const ARRIVAL = { description: 'First come, first served: in the order learners were waitlisted' };
const SCORE = { description: 'Best average review score first; unscored learners last, then by arrival' };
registerEnumType(WaitlistOrder, {
  name: 'WaitlistOrder',
  description: 'How a freed seat picks the next learner: arrival order or review score',
  valuesMap: { ARRIVAL, SCORE },
});
registerEnumType(SelectionPolicy, {
  name: 'SelectionPolicy',
  description: 'How applicants are admitted',
  valuesMap: {
    FIRST_COME: {
      description:
        'Eligible applicants are admitted without review and offered a free seat in arrival order (waitlisted when none is left)',
    },
    REVIEW: { description: 'Reviewers score applications on a rubric and the selection decides each one' },
  },
});
registerEnumType(DashboardWaitlistOrder, {
  name: 'DashboardWaitlistOrder',
  description: 'How the waitlist is ranked: arrival order or review score',
  valuesMap: { ARRIVAL, SCORE },
});
