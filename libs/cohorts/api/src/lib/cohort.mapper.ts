import { globalIdOf } from '@sooc/graphql';
import { courseList, type CohortView, type CourseRow } from '@sooc/cohorts-read-models';
import type { Cohort } from './cohort.type';
import type { Course } from './course.type';
import type { CohortStatus, CourseStatus, SelectionPolicy } from './enums';

/** Rows use the domain's values, the GraphQL enums carry the same values: only names change. */
export function toCohort(row: CohortView): Cohort {
  return {
    id: globalIdOf('Cohort', row.cohort_id),
    cohortId: row.cohort_id,
    courseId: row.course_id,
    courseTitle: row.course_title,
    title: row.title,
    status: row.status as CohortStatus,
    capacity: row.capacity,
    applicationWindow: { opensAt: row.opens_at, closesAt: row.closes_at },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    selectionPolicy: row.selection_policy as SelectionPolicy,
    position: BigInt(row.last_position),
  };
}

export function toCourse(row: CourseRow): Course {
  return {
    id: globalIdOf('Course', row.course_id),
    courseId: row.course_id,
    status: row.status as CourseStatus,
    title: row.title,
    summary: row.summary,
    topics: courseList(row.topics),
    language: row.language,
    prerequisites: courseList(row.prerequisites),
    selectionPolicy: row.selection_policy as SelectionPolicy,
    defaultCapacity: row.default_capacity,
    position: BigInt(row.last_position),
  };
}
