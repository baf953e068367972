import type { CohortEvent } from '@sooc/cohorts-domain/published';
import type { EnrollmentEvent, EnrollmentRef } from '@sooc/enrollment-domain/published';
import { categoryOf, type RecordedEvent } from '@sooc/event-sourcing';
import { isPartnerFeedEventType, type PartnerFeedEventType } from '../published';

/** A CloudEvents 1.0 event in its JSON format, as a partner receives it. */
export interface PartnerCloudEvent {
  readonly specversion: '1.0';
  /** The sooc event's id: the same on every delivery, replay and pull of it. */
  readonly id: string;
  readonly source: string;
  readonly type: PartnerFeedEventType;
  /** `cohort/<id>` for an event about a cohort (every event of the catalogue today). */
  readonly subject?: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What a partner learns of an event: identifiers and facts about the application, never the
 * dossier (name, e-mail, motivation, answers: personal data sealed with the learner's key), the
 * people who decided, nor their free-text reasons, which were written for sooc's staff. Each
 * shape is version 1 of its type: changing one is a new type (`….v2`) in the catalogue.
 */
interface Mapping<E> {
  readonly name: string;
  /** The version of `data`'s shape; 1 when absent. */
  readonly version?: number;
  readonly data: (event: E) => Readonly<Record<string, unknown>>;
}
type ByType<U extends { type: string }> = { readonly [T in U['type']]?: Mapping<Extract<U, { type: T }>> };

const ref = ({ data }: { data: EnrollmentRef }) => ({
  enrollmentId: data.enrollmentId,
  cohortId: data.cohortId,
  learnerId: data.learnerId,
});

const ENROLLMENT: ByType<EnrollmentEvent> = {
  ApplicationSubmitted: {
    name: 'application-submitted',
    data: (e) => ({ ...ref(e), companyId: e.data.dossier.companyId, eligible: e.data.eligible }),
  },
  ApplicationAdmitted: { name: 'application-admitted', data: ref },
  ApplicationRejected: { name: 'application-rejected', data: ref },
  ApplicationWaitlisted: { name: 'application-waitlisted', data: ref },
  SeatOffered: {
    name: 'seat-offered',
    data: (e) => ({ ...ref(e), expiresAt: e.data.expiresAt, promotedFromWaitlist: e.data.promotedFromWaitlist }),
  },
  OfferAccepted: { name: 'offer-accepted', data: ref },
  OfferDeclined: { name: 'offer-declined', data: ref },
  OfferExpired: { name: 'offer-expired', data: (e) => ({ ...ref(e), expiresAt: e.data.expiresAt }) },
  AttendanceRecorded: {
    name: 'attendance-recorded',
    data: (e) => ({ ...ref(e), session: e.data.session, attended: e.data.attended }),
  },
  EnrollmentCompleted: {
    name: 'enrollment-completed',
    data: (e) => ({ ...ref(e), attendedSessions: e.data.attendedSessions, sessions: e.data.sessions }),
  },
  LearnerDropped: {
    name: 'learner-dropped',
    data: (e) => ({ ...ref(e), attendedSessions: e.data.attendedSessions, sessions: e.data.sessions }),
  },
  ApplicationWithdrawn: { name: 'application-withdrawn', data: (e) => ({ ...ref(e), previousStatus: e.data.from }) },
  EnrollmentCancelled: { name: 'enrollment-cancelled', data: ref },
  ApplicationNotAdmitted: {
    name: 'application-not-admitted',
    data: (e) => ({ ...ref(e), previousStatus: e.data.from }),
  },
};

/** The cohort's own milestones; never its lists of enrolled learners, which name other companies' people. */
const COHORT: ByType<CohortEvent> = {
  CohortStarted: { name: 'cohort-started', data: (e) => ({ cohortId: e.data.cohortId }) },
  CohortCompleted: {
    name: 'cohort-completed',
    data: (e) => ({ cohortId: e.data.cohortId, sessions: e.data.sessions }),
  },
  CohortCancelled: { name: 'cohort-cancelled', data: (e) => ({ cohortId: e.data.cohortId }) },
};

/** By stream category, so two contexts' events of one name can never be mistaken for each other. */
const CONTEXTS: Readonly<Record<string, { readonly context: string; readonly mappings: object }>> = {
  enrollment: { context: 'enrollment', mappings: ENROLLMENT },
  cohort: { context: 'cohorts', mappings: COHORT },
};

/** Whether partners ever receive this event: what the feed's projection keys on, without mapping it. */
export function isFeedEvent(event: Pick<RecordedEvent, 'type' | 'streamId'>): boolean {
  const owner = CONTEXTS[categoryOf(event.streamId)];
  return Boolean(owner && (owner.mappings as Record<string, unknown>)[event.type]);
}

/**
 * The partner-facing CloudEvent of a recorded event (upcast to its current shape), or null for
 * events partners never receive. Pure: the scoping to a partner's own people happens after.
 */
export function toCloudEvent(event: RecordedEvent): PartnerCloudEvent | null {
  const owner = CONTEXTS[categoryOf(event.streamId)];
  const mapping = (owner?.mappings as Record<string, Mapping<RecordedEvent>> | undefined)?.[event.type];
  if (!owner || !mapping) return null;
  const type = `org.sooc.${owner.context}.${mapping.name}.v${mapping.version ?? 1}`;
  if (!isPartnerFeedEventType(type)) throw new Error(`${type} is missing from the partner feed's catalogue`);
  const data = mapping.data(event);
  const cohortId = data['cohortId'];
  return {
    specversion: '1.0',
    id: event.id,
    source: `/sooc/${owner.context}`,
    type,
    ...(typeof cohortId === 'string' ? { subject: `cohort/${cohortId}` } : {}),
    time: event.metadata.occurredAt ?? event.recordedAt,
    datacontenttype: 'application/json',
    data,
  };
}
