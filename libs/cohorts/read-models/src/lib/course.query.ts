import type { CohortsReadDb } from './cohorts.read-model';
import type { CourseRow } from './course.read-model';

export async function findCourse(db: CohortsReadDb, courseId: string): Promise<CourseRow | null> {
  const row = await db.selectFrom('courses').selectAll().where('course_id', '=', courseId).executeTakeFirst();
  return row ?? null;
}

/** The JSON list columns (topics, prerequisites) as arrays; a malformed value reads as empty. */
export function courseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
