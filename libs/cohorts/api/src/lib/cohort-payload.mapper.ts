import type { CohortEvent, CohortState, CourseEvent, CourseState } from '@sooc/cohorts-domain';
import type { CommandResult } from '@sooc/event-sourcing';
import { globalIdOf, withDeferredFields } from '@sooc/graphql';
import type { Cohort } from './cohort.type';
import type { CohortsReader } from './cohorts.reader';
import type { Course } from './course.type';
import type { CohortStatus, CourseStatus } from './enums';

const COHORT_FIELDS: readonly (keyof Cohort & string)[] = [
  'id',
  'cohortId',
  'courseId',
  'courseTitle',
  'title',
  'status',
  'capacity',
  'applicationWindow',
  'startsOn',
  'endsOn',
  'selectionPolicy',
  'position',
];

const COURSE_FIELDS: readonly (keyof Course & string)[] = [
  'id',
  'courseId',
  'status',
  'title',
  'summary',
  'topics',
  'language',
  'prerequisites',
  'selectionPolicy',
  'defaultCapacity',
  'position',
];

/**
 * The cohort as the write left it: its state knows everything but the course's title (another
 * aggregate) and, when the command changed nothing, the position of the cohort's last event;
 * those two come from the read model once it has the write, and only when asked for.
 */
export function cohortFromWrite(result: CommandResult<CohortEvent, CohortState>, reader: CohortsReader): Cohort {
  const { state, position } = result;
  const known: Partial<Cohort> =
    state.status === 'none'
      ? {}
      : {
          id: globalIdOf('Cohort', state.cohortId),
          cohortId: state.cohortId,
          courseId: state.courseId,
          title: state.title,
          status: state.status as CohortStatus,
          capacity: state.capacity,
          applicationWindow: { ...state.applicationWindow },
          startsOn: state.startsOn,
          endsOn: state.endsOn,
          selectionPolicy: state.selectionPolicy as Cohort['selectionPolicy'],
          ...(position === null ? {} : { position }),
        };
  const id = state.status === 'none' ? '' : state.cohortId;
  return withDeferredFields<Cohort>(known, COHORT_FIELDS, async () => {
    await reader.afterWrite(result);
    return reader.existingCohort(id);
  });
}

/** A course's state holds all its fields; only a repeat that wrote nothing reads its position back. */
export function courseFromWrite(result: CommandResult<CourseEvent, CourseState>, reader: CohortsReader): Course {
  const { state, position } = result;
  if (state.status === 'none') throw new Error('The course is missing after a successful command');
  const { courseId, title, summary, topics, language, prerequisites, selectionPolicy, defaultCapacity } = state;
  const known: Partial<Course> = {
    id: globalIdOf('Course', courseId),
    courseId,
    status: state.status as CourseStatus,
    title,
    summary,
    topics: [...topics],
    language,
    prerequisites: [...prerequisites],
    selectionPolicy: selectionPolicy as Course['selectionPolicy'],
    defaultCapacity,
    ...(position === null ? {} : { position }),
  };
  return withDeferredFields<Course>(known, COURSE_FIELDS, async () => {
    await reader.afterWrite(result);
    return reader.existingCourse(courseId);
  });
}
