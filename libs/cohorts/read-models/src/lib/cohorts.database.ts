import type { CohortRow } from './cohort.read-model';
import type { CourseRow } from './course.read-model';

/** The tables this library owns, for `Kysely<CohortsDatabase>`. */
export interface CohortsDatabase {
  cohorts: CohortRow;
  courses: CourseRow;
}
