import {
  ENROLLMENT_TRANSITIONS,
  statusAfter,
  submittedStatus,
  type EnrollmentEvent,
  type EnrollmentStatus,
  type StatusTransition,
} from '@sooc/enrollment-domain/published';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import { alreadyApplied, positionKey } from '@sooc/util';

/**
 * One row per application to a cohort in table `cohort_applications`: what its dashboard counts
 * (applications by status and by company). The cohort's own copy of the enrollment's published
 * facts, so the dashboard never reads another context's tables.
 */
export type CohortApplicationRow = {
  enrollment_id: string;
  cohort_id: string;
  company_id: string | null;
  status: EnrollmentStatus;
  last_position: string;
};

/** A transition that may leave the status where it was (attendance) changes no count. */
const movesStatus = ([, transition]: [string, StatusTransition | undefined]) =>
  transition !== undefined && transition.from.some((from) => from !== transition.to);

/**
 * The submission, and every event the enrollment's published status machine moves a status on:
 * derived from the machine, so a new transition is counted without touching this list.
 */
export const COHORT_APPLICATION_PROJECTION_EVENTS: readonly EnrollmentEvent['type'][] = [
  'ApplicationSubmitted',
  ...(Object.entries(ENROLLMENT_TRANSITIONS)
    .filter(movesStatus)
    .map(([type]) => type) as EnrollmentEvent['type'][]),
];

/** Any enrollment event: those the list leaves out never reach the fold. */
export type CohortApplicationEvent = EnrollmentEvent;

/**
 * Takes the status the event states, through the enrollment's published transition table: a
 * stray or misordered event never moves an application back or out of a final status.
 */
export function applyCohortApplicationEvent(
  row: CohortApplicationRow | null,
  event: RecordedEvent<CohortApplicationEvent>,
): CohortApplicationRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const position = positionKey(event.position);
  if (event.type === 'ApplicationSubmitted') {
    if (row) return row;
    const d = event.data;
    return {
      enrollment_id: d.enrollmentId,
      cohort_id: d.cohortId,
      company_id: d.dossier.companyId,
      status: submittedStatus(d.eligible),
      last_position: position,
    };
  }
  if (!row) return row;
  const status = statusAfter(row.status, event.type);
  return status === null ? row : { ...row, status, last_position: position };
}

export const cohortApplicationsProjection: Projection<CohortApplicationRow, CohortApplicationEvent> = {
  name: 'cohorts.dashboard-applications',
  table: 'cohort_applications',
  keyColumn: 'enrollment_id',
  handles: COHORT_APPLICATION_PROJECTION_EVENTS,
  keyOf: (event) => event.data.enrollmentId,
  apply: applyCohortApplicationEvent,
};
