import type { DomainEvent } from '@sooc/event-sourcing';
import type { SelectionPolicy } from './course.events';

/** ISO-8601 instants; the window is half-open [opensAt, closesAt). */
export interface ApplicationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface CohortPlannedData {
  readonly cohortId: string;
  readonly courseId: string;
  readonly title: string;
  readonly capacity: number;
  readonly applicationWindow: ApplicationWindow;
  /** Calendar dates, YYYY-MM-DD. */
  readonly startsOn: string;
  readonly endsOn: string;
  /** Copied from the course when planned: the cohort keeps the policy it was planned with. */
  readonly selectionPolicy: SelectionPolicy;
}

export type CohortPlanned = DomainEvent<'CohortPlanned', CohortPlannedData>;
export type ApplicationsOpened = DomainEvent<'ApplicationsOpened', { readonly cohortId: string }>;
export type ApplicationsClosed = DomainEvent<'ApplicationsClosed', { readonly cohortId: string }>;

export type CohortEvent = CohortPlanned | ApplicationsOpened | ApplicationsClosed;
