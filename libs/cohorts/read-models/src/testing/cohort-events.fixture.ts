import type { CohortPlanned, CourseDrafted } from '@sooc/cohorts-domain';
import { recorded as recordedEvent } from '@sooc/cohorts-domain/testing';
import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';

export {
  capacityChanged,
  opened as applicationsOpened,
  closed as applicationsClosed,
  started as cohortStarted,
  cohortCancelled,
  cohortCompleted,
} from '@sooc/cohorts-domain/testing';

/** Wraps a decider's event the way the store returns it, in the given stream; only position and time matter here. */
export function recorded<E extends DomainEvent>(
  event: E,
  position: number,
  streamId: string,
  occurredAt = '2026-03-03T09:00:00.000Z',
): RecordedEvent<E> {
  return { ...recordedEvent(event, position, occurredAt), streamId };
}

export const courseDrafted = (courseId: string, title = `Course ${courseId}`): CourseDrafted => ({
  type: 'CourseDrafted',
  data: {
    courseId,
    title,
    summary: 'Small groups, real projects.',
    topics: ['ddd', 'cqrs'],
    language: 'en',
    prerequisites: ['TypeScript'],
    selectionPolicy: 'review',
    defaultCapacity: 30,
  },
});

export const cohortPlanned = (cohortId: string, courseId = 'course-1'): CohortPlanned => ({
  type: 'CohortPlanned',
  data: {
    cohortId,
    courseId,
    title: `Cohort ${cohortId}`,
    capacity: 30,
    applicationWindow: { opensAt: '2026-03-10T08:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
    startsOn: '2026-04-01',
    endsOn: '2026-05-31',
    selectionPolicy: 'first-come',
  },
});
