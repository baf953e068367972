import { isDeepStrictEqual } from 'node:util';
import { IllegalStateError, type Decider } from '@sooc/event-sourcing';
import type { CourseCommand, DraftCourse } from './course.commands';
import type { CourseDraftedData, CourseEvent } from './course.events';
import { normalizeCourseDraft } from './course.rules';
import type { CourseState } from './course.state';

function courseData(state: Exclude<CourseState, { status: 'none' }>): CourseDraftedData {
  const { status: _status, ...data } = state;
  return data;
}

function draftCourse(command: DraftCourse, state: CourseState): CourseEvent[] {
  const data = normalizeCourseDraft(command.data);
  if (state.status === 'none') return [{ type: 'CourseDrafted', data }];
  // A client that timed out retries with the same data: that must read as success, not a conflict.
  if (isDeepStrictEqual(courseData(state), data)) return [];
  throw new IllegalStateError('COURSE.ALREADY_EXISTS', `Course ${data.courseId} already exists with different data`, {
    courseId: data.courseId,
  });
}

export function decideCourse(command: CourseCommand, state: CourseState): readonly CourseEvent[] {
  switch (command.type) {
    case 'DraftCourse':
      return draftCourse(command, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`Unknown course command ${String(unknown)}`);
    }
  }
}

export function evolveCourse(state: CourseState, event: CourseEvent): CourseState {
  switch (event.type) {
    case 'CourseDrafted':
      return state.status === 'none' ? { status: 'drafted', ...event.data } : state;
    default:
      return state;
  }
}

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  decide: decideCourse,
  evolve: evolveCourse,
  initialState: () => ({ status: 'none' }),
};
