import { cohortProfileQuery, courseProfileQuery } from '@sooc/cohorts-domain/published';
import type { CohortSnapshot } from '@sooc/enrollment-domain';
import type { CommandRunner } from '@sooc/nest';

/**
 * The cohort and its course as an enrollment command needs them, through the queries the cohorts
 * context publishes; an unknown cohort is status 'none' and the decider refuses it. The snapshot
 * may be stale by the time the enrollment is appended: the cohort's seat ledger, not the
 * snapshot, guards capacity.
 */
export async function cohortSnapshot(runner: CommandRunner, cohortId: string): Promise<CohortSnapshot> {
  const cohort = await runner.query(cohortProfileQuery, cohortId);
  const course = cohort.courseId === null ? null : await runner.query(courseProfileQuery, cohort.courseId);
  return {
    status: cohort.status,
    selectionPolicy: cohort.selectionPolicy,
    prerequisites: course?.prerequisites ?? [],
    sessions: cohort.sessions,
    applicationWindow: cohort.applicationWindow,
  };
}
