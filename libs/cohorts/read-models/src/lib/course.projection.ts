import type { CourseEvent } from '@sooc/cohorts-domain';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { CourseRow } from './course.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

export const COURSE_PROJECTION_EVENTS = ['CourseDrafted'] as const satisfies readonly CourseEvent['type'][];

export function applyCourseEvent(row: CourseRow | null, event: RecordedEvent<CourseEvent>): CourseRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  switch (event.type) {
    case 'CourseDrafted': {
      // A course is drafted once; the decider never emits a second draft for the same stream.
      if (row) return row;
      const d = event.data;
      const at = event.metadata.occurredAt;
      return {
        course_id: d.courseId,
        title: d.title,
        summary: d.summary,
        language: d.language,
        topics: JSON.stringify(d.topics),
        prerequisites: JSON.stringify(d.prerequisites),
        selection_policy: d.selectionPolicy,
        default_capacity: d.defaultCapacity,
        status: 'drafted',
        drafted_at: at,
        updated_at: at,
        last_position: positionKey(event.position),
      };
    }
    default:
      return row;
  }
}

export const courseProjection: Projection<CourseRow, CourseEvent> = {
  name: 'cohorts.course-list',
  table: 'courses',
  keyColumn: 'course_id',
  handles: COURSE_PROJECTION_EVENTS,
  keyOf: (event) => event.data.courseId,
  apply: applyCourseEvent,
};
