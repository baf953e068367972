import { enrollmentStream, type EnrollmentEvent, type EnrollmentState } from '@sooc/enrollment-domain';
import { applyApplicationEvent, toApplicationView } from '@sooc/enrollment-read-models';
import type { CommandResult, RecordedEvent } from '@sooc/event-sourcing';
import { globalIdOf } from '@sooc/graphql';
import { hidesContact, toApplication, type Redaction, type ReferenceOf } from './application.mapper';
import type { Application } from './application.type';

/** Every field of an Application: what the write side does not know is read from the read model. */
export const APPLICATION_FIELDS: readonly (keyof Application & string)[] = [
  'id',
  'reference',
  'enrollmentId',
  'cohortId',
  'learnerId',
  'companyId',
  'shareWithCompany',
  'level',
  'motivation',
  'answers',
  'prerequisitesMet',
  'eligible',
  'unmetPrerequisites',
  'status',
  'statusReason',
  'submittedAt',
  'reviews',
  'reviewCount',
  'averageScore',
  'decision',
  'offerExpiresAt',
  'promotedFromWaitlist',
  'attendance',
  'attendedSessions',
  'updatedAt',
];

type Written = CommandResult<EnrollmentEvent, EnrollmentState>;

/**
 * The application as the write left it. A submission is the first event of its row, so the
 * read model's own fold gives the whole row the projector will write; after any other command
 * the enrollment state gives the fields it keeps, and the rest (reviews, decision, reasons,
 * times) come from the read model when asked for.
 */
export function applicationFromWrite(
  result: Written,
  referenceOf: ReferenceOf,
  redaction: Redaction,
): Partial<Application> {
  const { state } = result;
  if (state.status === 'none') return {};
  const submitted = submissionOf(result);
  if (submitted) {
    const row = applyApplicationEvent(null, submitted);
    if (row) return toApplication(toApplicationView(row), referenceOf, redaction);
  }
  const reference = referenceOf(state.enrollmentId);
  return {
    id: globalIdOf('Application', reference),
    reference,
    enrollmentId: redaction.identity ? null : state.enrollmentId,
    cohortId: state.cohortId,
    learnerId: redaction.identity ? null : state.learnerId,
    companyId: redaction.identity ? null : state.dossier.companyId,
    shareWithCompany: state.dossier.shareWithCompany,
    level: state.dossier.level as Application['level'],
    name: hidesContact(redaction) ? null : state.dossier.name,
    email: hidesContact(redaction) ? null : state.dossier.email,
    motivation: redaction.dossierText ? null : state.dossier.motivation,
    answers: redaction.dossierText
      ? []
      : Object.entries(state.dossier.answers).map(([questionId, answer]) => ({ questionId, answer })),
    prerequisitesMet: [...state.dossier.prerequisitesMet],
    eligible: state.unmetPrerequisites.length === 0,
    unmetPrerequisites: [...state.unmetPrerequisites],
    status: state.status as Application['status'],
    offerExpiresAt: state.offerExpiresAt,
    attendance: Object.entries(state.attendance)
      .map(([session, attended]) => ({ session: Number(session), attended }))
      .sort((a, b) => a.session - b.session),
    attendedSessions: Object.values(state.attendance).filter(Boolean).length,
  };
}

/** The submission this command wrote, as the store recorded it (its only event, at the write's position). */
function submissionOf({ events, position, metadata, revision }: Written): RecordedEvent<EnrollmentEvent> | null {
  const [event] = events;
  if (events.length !== 1 || event.type !== 'ApplicationSubmitted' || position === null || metadata === null) {
    return null;
  }
  const streamId = enrollmentStream(event.data.cohortId, event.data.learnerId);
  return { ...event, id: '', metadata, streamId, revision: revision ?? 0n, position, recordedAt: metadata.occurredAt };
}
