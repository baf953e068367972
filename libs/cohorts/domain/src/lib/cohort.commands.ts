import type { Command } from '@sooc/event-sourcing';
import type { ApplicationWindow } from './cohort.events';
import type { CourseState } from './course.state';

export interface PlanCohortData {
  readonly cohortId: string;
  readonly courseId: string;
  readonly title: string;
  readonly capacity: number;
  readonly applicationWindow: ApplicationWindow;
  readonly startsOn: string;
  readonly endsOn: string;
  /**
   * The course as the handler folded it from its own stream: a cohort can only be planned for
   * a course that exists, and the decider (not the handler) decides what that means.
   */
  readonly course: CourseState;
}

export type PlanCohort = Command<'PlanCohort', PlanCohortData>;
export type OpenApplications = Command<'OpenApplications', { readonly cohortId: string }>;
export type CloseApplications = Command<'CloseApplications', { readonly cohortId: string }>;

export type CohortCommand = PlanCohort | OpenApplications | CloseApplications;
