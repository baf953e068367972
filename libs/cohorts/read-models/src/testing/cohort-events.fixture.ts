import type {
  ApplicationsClosed,
  ApplicationsOpened,
  CapacityChanged,
  CohortCancelled,
  CohortCompleted,
  CohortPlanned,
  CohortStarted,
  CourseDrafted,
} from '@sooc/cohorts-domain';
import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';

/** Wraps a decider's event the way the store returns it; only position and time matter here. */
export function recorded<E extends DomainEvent>(
  event: E,
  position: number,
  streamId: string,
  occurredAt = '2026-03-03T09:00:00.000Z',
): RecordedEvent<E> {
  return {
    ...event,
    id: `event-${position}`,
    metadata: {
      occurredAt,
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    },
    streamId,
    revision: 0n,
    position: BigInt(position),
    recordedAt: occurredAt,
  } as RecordedEvent<E>;
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

export const applicationsOpened = (cohortId: string): ApplicationsOpened => ({
  type: 'ApplicationsOpened',
  data: { cohortId },
});
export const applicationsClosed = (cohortId: string): ApplicationsClosed => ({
  type: 'ApplicationsClosed',
  data: { cohortId },
});
export const cohortStarted = (cohortId: string): CohortStarted => ({ type: 'CohortStarted', data: { cohortId } });
export const cohortCompleted = (cohortId: string): CohortCompleted => ({
  type: 'CohortCompleted',
  data: { cohortId, sessions: 10, completionThreshold: 0.7, enrolled: [] },
});
export const cohortCancelled = (cohortId: string): CohortCancelled => ({
  type: 'CohortCancelled',
  data: { cohortId, reason: 'too few applicants', affected: [] },
});
export const capacityChanged = (cohortId: string, from: number, to: number): CapacityChanged => ({
  type: 'CapacityChanged',
  data: { cohortId, from, to },
});
