import type { CohortRow } from './cohort.read-model';
import type { CourseRow } from './course.read-model';
import type { Kysely } from 'kysely';

/** The tables this library owns, for `Kysely<CohortsDatabase>`. */
export interface CohortsDatabase {
  cohorts: CohortRow;
  courses: CourseRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type CohortsReadDb = Kysely<CohortsDatabase>;
