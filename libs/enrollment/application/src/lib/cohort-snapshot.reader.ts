import { Injectable } from '@nestjs/common';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortEvent,
  type CohortState,
  type CourseState,
} from '@sooc/cohorts-domain';
import type { CohortSnapshot } from '@sooc/enrollment-domain';
import { CommandRunner } from '@sooc/nest';

/** The cohort as an enrollment command needs it; an unknown cohort is status 'none' and the decider refuses it. */
export function cohortSnapshotOf(cohort: CohortState, course: CourseState): CohortSnapshot {
  if (cohort.status === 'none')
    return { status: 'none', selectionPolicy: 'first-come', prerequisites: [], sessions: 0, applicationWindow: null };
  return {
    status: cohort.status,
    selectionPolicy: cohort.selectionPolicy,
    prerequisites: course.status === 'none' ? [] : course.prerequisites,
    sessions: cohort.settings.sessions,
    applicationWindow: cohort.applicationWindow,
  };
}

/** Seat and group events: a snapshot never looks at them, and folding them is the expensive part. */
const LEDGER_EVENTS: ReadonlySet<string> = new Set<CohortEvent['type']>([
  'SeatReserved',
  'SeatConfirmed',
  'SeatReleased',
  'ApplicantWaitlisted',
  'WaitlistLeft',
  'GroupsFormed',
]);

/**
 * The cohort's lifecycle and settings without its seat ledger (left as planned): a burst of
 * applications to one cohort writes ~2 ledger events per applicant, and every submission would
 * otherwise fold them all again in the gateway, beside the reactor that really needs them.
 */
export const cohortProfileFolder = {
  initialState: cohortDecider.initialState,
  evolve: (state: CohortState, event: CohortEvent): CohortState =>
    LEDGER_EVENTS.has(event.type) ? state : cohortDecider.evolve(state, event),
};

/**
 * Folds the cohort (and its course) from their own streams. The snapshot may be stale by the
 * time the enrollment is appended; that is accepted: the cohort's seat ledger, not the snapshot,
 * guards capacity.
 */
@Injectable()
export class CohortSnapshotReader {
  constructor(private readonly runner: CommandRunner) {}

  async snapshot(cohortId: string): Promise<CohortSnapshot> {
    const cohort = await this.runner.load(cohortProfileFolder, cohortStream(cohortId));
    const course =
      cohort.status === 'none'
        ? ({ status: 'none' } as const)
        : await this.runner.load(courseDecider, courseStream(cohort.courseId));
    return cohortSnapshotOf(cohort, course);
  }
}
