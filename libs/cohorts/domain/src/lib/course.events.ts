import type { DomainEvent } from '@sooc/event-sourcing';

export type SelectionPolicy = 'first-come' | 'review';

export interface CourseDraftedData {
  readonly courseId: string;
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly string[];
  /** BCP 47 tag, e.g. "en" or "fr-CA". */
  readonly language: string;
  readonly prerequisites: readonly string[];
  readonly selectionPolicy: SelectionPolicy;
  readonly defaultCapacity: number;
}

export type CourseDrafted = DomainEvent<'CourseDrafted', CourseDraftedData>;

export type CourseEvent = CourseDrafted;
