import { registerEnumType } from '@nestjs/graphql';

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

registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description: 'Lifecycle of a course (published, revised, retired come later)',
});
registerEnumType(CohortStatus, {
  name: 'CohortStatus',
  description: 'Lifecycle of a cohort: planned → open → closed → running → completed, or cancelled',
});
registerEnumType(WaitlistOrder, {
  name: 'WaitlistOrder',
  description: 'How a freed seat picks the next learner: arrival order or review score',
});
registerEnumType(SelectionPolicy, { name: 'SelectionPolicy', description: 'How applicants are admitted' });
