import type { PublishedQuery } from '@sooc/event-sourcing';
import type { ApplicationWindow, CohortEvent } from './cohort.events';
import { evolveCohort } from './cohort.evolve';
import type { CohortState, CohortStatus } from './cohort.state';
import type { CourseEvent, SelectionPolicy } from './course.events';
import { courseDecider } from './course.decider';
import type { CourseState } from './course.state';
import { admissionAfter, type AdmissionOutcome, type PendingAdmission } from './cohort-admission.query';
import { ledgerEntry } from './seat-ledger.query';
import type { Applicant } from './seat-ledger.types';
import { seatSnapshot, type SeatSnapshot } from './seat-snapshot.query';
import { cohortStream, courseStream } from './streams';

/** A cohort as the other contexts may know it: its lifecycle and settings, never its ledger. */
export interface CohortProfile {
  readonly status: CohortStatus | 'none';
  readonly courseId: string | null;
  readonly selectionPolicy: SelectionPolicy;
  readonly sessions: number;
  /** The window in effect (opening early moves opensAt); null for a cohort that does not exist. */
  readonly applicationWindow: ApplicationWindow | null;
}

/** Seat and group events: a profile never looks at them, and folding them is the expensive part. */
const LEDGER_EVENTS: ReadonlySet<string> = new Set<CohortEvent['type']>([
  'SeatReserved',
  'SeatConfirmed',
  'SeatReleased',
  'ApplicantWaitlisted',
  'WaitlistLeft',
  'GroupsFormed',
]);

/**
 * The cohort for an enrollment command (is it open, how does it select, how many sessions). A
 * burst of applications to one cohort writes ~2 ledger events per applicant, which every
 * submission would otherwise fold again beside the reactor that really needs them.
 */
export const cohortProfileQuery: PublishedQuery<string, CohortProfile, CohortState, CohortEvent> = {
  streamOf: cohortStream,
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => (LEDGER_EVENTS.has(event.type) ? state : evolveCohort(state, event)),
  view: (state) =>
    state.status === 'none'
      ? { status: 'none', courseId: null, selectionPolicy: 'first-come', sessions: 0, applicationWindow: null }
      : {
          status: state.status,
          courseId: state.courseId,
          selectionPolicy: state.selectionPolicy,
          sessions: state.settings.sessions,
          applicationWindow: state.applicationWindow,
        },
};

/** A cohort's seats as a selection decision records them, and what an admission would meet. */
export interface CohortSeats {
  readonly status: CohortStatus | 'none';
  readonly selectionPolicy: SelectionPolicy;
  readonly seatsFor: (companyId: string | null) => SeatSnapshot;
  /** Whether the ledger has seen this enrollment (seated, waitlisted or let go): its decision is applied. */
  readonly knows: (enrollmentId: string) => boolean;
  /** The seats `applicant` meets once the `earlier` decisions not yet applied are, and what admitting them does there. */
  readonly admissionAfter: (
    earlier: readonly PendingAdmission[],
    applicant: Applicant,
    score: number | null,
    now: Date,
  ) => AdmissionOutcome;
}

export const cohortSeatsQuery: PublishedQuery<string, CohortSeats, CohortState, CohortEvent> = {
  streamOf: cohortStream,
  initialState: () => ({ status: 'none' }),
  evolve: evolveCohort,
  view: (state) => ({
    status: state.status,
    selectionPolicy: state.status === 'none' ? 'first-come' : state.selectionPolicy,
    seatsFor: (companyId) => seatSnapshot(state, companyId),
    knows: (enrollmentId) => state.status !== 'none' && ledgerEntry(state.ledger, enrollmentId) !== undefined,
    admissionAfter: (earlier, applicant, score, now) => admissionAfter(state, earlier, applicant, score, now),
  }),
};

/** What an application is checked against: the course's prerequisites (none for a course that does not exist). */
export interface CourseProfile {
  readonly exists: boolean;
  readonly prerequisites: readonly string[];
}

export const courseProfileQuery: PublishedQuery<string, CourseProfile, CourseState, CourseEvent> = {
  streamOf: courseStream,
  initialState: courseDecider.initialState,
  evolve: courseDecider.evolve,
  view: (state) =>
    state.status === 'none'
      ? { exists: false, prerequisites: [] }
      : { exists: true, prerequisites: state.prerequisites },
};
