import {
  statusAfter,
  submittedStatus,
  type EnrollmentEvent,
  type EnrollmentStatus,
} from '@sooc/enrollment-domain/published';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { SelectionEvent } from '@sooc/selection-domain/published';
import type { ApplicationRow } from './application.read-model';
import { applySelectionToApplication } from './application-selection.fold';
import { alreadyApplied, positionKey } from '@sooc/util';

export type ApplicationEvent =
  EnrollmentEvent | Extract<SelectionEvent, { type: 'ApplicationReviewed' | 'ApplicationDecided' }>;

export const APPLICATION_PROJECTION_EVENTS = [
  'ApplicationSubmitted',
  'ApplicationAdmitted',
  'ApplicationRejected',
  'ApplicationWaitlisted',
  'SeatOffered',
  'OfferAccepted',
  'OfferDeclined',
  'OfferExpired',
  'AttendanceRecorded',
  'EnrollmentCompleted',
  'LearnerDropped',
  'ApplicationWithdrawn',
  'EnrollmentCancelled',
  'ApplicationNotAdmitted',
  'ApplicationReviewed',
  'ApplicationDecided',
] as const satisfies readonly ApplicationEvent['type'][];

function submittedRow(
  event: RecordedEvent<Extract<EnrollmentEvent, { type: 'ApplicationSubmitted' }>>,
): ApplicationRow {
  const d = event.data;
  const at = event.metadata.occurredAt;
  const position = positionKey(event.position);
  return {
    enrollment_id: d.enrollmentId,
    cohort_id: d.cohortId,
    learner_id: d.learnerId,
    company_id: d.dossier.companyId,
    share_with_company: d.dossier.shareWithCompany ? 1 : 0,
    level: d.dossier.level,
    name: d.dossier.name,
    email: d.dossier.email,
    motivation: d.dossier.motivation,
    answers: JSON.stringify(d.dossier.answers),
    prerequisites_met: JSON.stringify(d.dossier.prerequisitesMet),
    eligible: d.eligible ? 1 : 0,
    unmet_prerequisites: JSON.stringify(d.unmetPrerequisites),
    selection_policy: d.selectionPolicy,
    status: submittedStatus(d.eligible),
    status_reason: null,
    submitted_at: at,
    submitted_position: position,
    offer_expires_at: null,
    promoted_from_waitlist: 0,
    attendance: '{}',
    attended_sessions: 0,
    reviews: '{}',
    review_count: 0,
    average_score: null,
    decision: null,
    decision_reason: null,
    decided_by: null,
    decision_id: null,
    decided_at: null,
    decision_record: null,
    updated_at: at,
    last_position: position,
  };
}

/** The columns an enrollment event changes besides status, updated_at and last_position. */
function changes(row: ApplicationRow, event: RecordedEvent<EnrollmentEvent>): Partial<ApplicationRow> {
  switch (event.type) {
    case 'ApplicationAdmitted':
    case 'ApplicationRejected':
    case 'ApplicationWaitlisted':
    case 'LearnerDropped':
    case 'EnrollmentCancelled':
    case 'ApplicationNotAdmitted':
    case 'ApplicationWithdrawn':
      return { status_reason: event.data.reason };
    case 'SeatOffered':
      return {
        offer_expires_at: event.data.expiresAt,
        promoted_from_waitlist: event.data.promotedFromWaitlist ? 1 : 0,
        status_reason: event.data.reason,
      };
    case 'OfferDeclined':
      return { status_reason: event.data.reason ?? 'offer declined' };
    case 'OfferExpired':
      return { status_reason: `offer expired at ${event.data.expiresAt}` };
    case 'AttendanceRecorded': {
      const attendance: Record<string, boolean> = {
        ...(JSON.parse(row.attendance) as Record<string, boolean>),
        [String(event.data.session)]: event.data.attended,
      };
      return {
        attendance: JSON.stringify(attendance),
        attended_sessions: Object.values(attendance).filter(Boolean).length,
      };
    }
    case 'EnrollmentCompleted':
      return { attended_sessions: event.data.attendedSessions };
    default:
      return {};
  }
}

export function applyApplicationEvent(
  row: ApplicationRow | null,
  event: RecordedEvent<ApplicationEvent>,
): ApplicationRow | null {
  // At-least-once delivery: an event at or before the row's last position is already in it.
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  if (event.type === 'ApplicationSubmitted') return row ?? submittedRow(event);
  // A stray event of an application never seen submitted has nothing to attach to.
  if (!row) return row;
  if (event.type === 'ApplicationReviewed' || event.type === 'ApplicationDecided')
    return applySelectionToApplication(row, event);

  // The status the enrollment's own transition table gives: a stray event moves nothing.
  const status = statusAfter(row.status as EnrollmentStatus, event.type);
  if (status === null) return row;
  return {
    ...row,
    ...changes(row, event),
    status,
    updated_at: event.metadata.occurredAt,
    last_position: positionKey(event.position),
  };
}

export const applicationProjection: Projection<ApplicationRow, ApplicationEvent> = {
  name: 'enrollment.applications',
  table: 'applications',
  keyColumn: 'enrollment_id',
  handles: APPLICATION_PROJECTION_EVENTS,
  keyOf: (event) => event.data.enrollmentId,
  apply: applyApplicationEvent,
};
