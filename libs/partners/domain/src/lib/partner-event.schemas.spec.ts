import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { CohortEvent } from '@sooc/cohorts-domain/published';
import type { EnrollmentEvent } from '@sooc/enrollment-domain/published';
import { recorded, type RecordedEvent } from '@sooc/event-sourcing';
import { PARTNER_FEED_EVENT_TYPES, type PartnerFeedEventType } from '../published';
import { toCloudEvent, type PartnerCloudEvent } from './cloud-event.mapper';
import { PARTNER_EVENT_SCHEMAS, partnerEventSchemaPath, type JsonSchema } from './partner-event.schemas';
import { scopedForPartner } from './partner.scope';

const REF = { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' };
const note = { by: { id: 'rev-1', role: 'reviewer' as const }, reason: 'a reason for staff', decisionId: null };
const OFFER_EXPIRY = '2026-03-05T09:00:00.000Z';

const enrollment = (event: EnrollmentEvent) => recorded(event, 'enrollment-c1-ada');
const cohort = (event: CohortEvent) => recorded(event, 'cohort-c1');

/** One real stored event of each type the catalogue lists, as the stores hand them to the mapper. */
const EVENTS: readonly RecordedEvent[] = [
  enrollment({
    type: 'ApplicationSubmitted',
    data: {
      ...REF,
      dossier: {
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        motivation: 'to learn',
        level: 'intermediate',
        companyId: 'acme-corp',
        shareWithCompany: true,
        answers: {},
        prerequisitesMet: [],
      },
      selectionPolicy: 'review',
      eligible: false,
      unmetPrerequisites: ['TypeScript basics'],
    },
  }),
  enrollment({ type: 'ApplicationAdmitted', data: { ...REF, ...note } }),
  enrollment({ type: 'ApplicationRejected', data: { ...REF, ...note } }),
  enrollment({ type: 'ApplicationWaitlisted', data: { ...REF, ...note } }),
  enrollment({
    type: 'SeatOffered',
    data: { ...REF, expiresAt: OFFER_EXPIRY, promotedFromWaitlist: false, reason: 'seat free' },
  }),
  enrollment({ type: 'OfferAccepted', data: REF }),
  enrollment({ type: 'OfferDeclined', data: { ...REF, reason: null } }),
  enrollment({ type: 'OfferExpired', data: { ...REF, expiresAt: OFFER_EXPIRY } }),
  enrollment({ type: 'AttendanceRecorded', data: { ...REF, session: 1, attended: true, by: note.by } }),
  enrollment({ type: 'EnrollmentCompleted', data: { ...REF, attendedSessions: 10, sessions: 10 } }),
  enrollment({ type: 'LearnerDropped', data: { ...REF, attendedSessions: 0, sessions: 10, reason: 'absent' } }),
  enrollment({ type: 'ApplicationWithdrawn', data: { ...REF, reason: null, from: 'enrolled' } }),
  enrollment({ type: 'EnrollmentCancelled', data: { ...REF, reason: 'cohort cancelled' } }),
  enrollment({ type: 'ApplicationNotAdmitted', data: { ...REF, reason: 'cohort started', from: 'offered' } }),
  cohort({ type: 'CohortStarted', data: { cohortId: 'c1' } }),
  cohort({ type: 'CohortCompleted', data: { cohortId: 'c1', sessions: 10, completionThreshold: 0.8, enrolled: [] } }),
  cohort({ type: 'CohortCancelled', data: { cohortId: 'c1', reason: 'no facilitator', affected: [] } }),
];

function cloudEvent(event: RecordedEvent): PartnerCloudEvent {
  const mapped = toCloudEvent(event);
  if (!mapped) throw new Error(`${event.type} maps to nothing`);
  return mapped;
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
for (const schema of Object.values(PARTNER_EVENT_SCHEMAS)) ajv.addSchema(schema);

/** The schema's errors for a value, [] when it validates (errors read better than `false` when it fails). */
function errorsOf(type: string, value: unknown) {
  const validate = ajv.getSchema(partnerEventSchemaPath(type as PartnerFeedEventType));
  if (!validate) throw new Error(`no schema for ${type}`);
  return validate(value) ? [] : (validate.errors ?? []);
}

const propertiesOf = (schema: JsonSchema, key?: string): string[] => {
  const at = key ? ((schema['properties'] as Record<string, JsonSchema>)[key] ?? {}) : schema;
  return Object.keys((at['properties'] as object | undefined) ?? {}).sort();
};

const CASES = EVENTS.map((event) => [event.type, cloudEvent(event)] as const);

describe('PARTNER_EVENT_SCHEMAS', () => {
  it('has one schema per type of the catalogue, and none besides', () => {
    expect(Object.keys(PARTNER_EVENT_SCHEMAS).sort()).toEqual([...PARTNER_FEED_EVENT_TYPES].sort());
  });

  it('names each schema by the path the gateway serves it at, in the 2020-12 dialect', () => {
    for (const type of PARTNER_FEED_EVENT_TYPES) {
      const schema = PARTNER_EVENT_SCHEMAS[type];
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `/schemas/partners/${type}.json`,
        title: type,
      });
      expect(ajv.validateSchema(schema)).toBe(true);
    }
  });

  it('is given one real event of every type of the catalogue', () => {
    expect(CASES.map(([, event]) => event.type).sort()).toEqual([...PARTNER_FEED_EVENT_TYPES].sort());
  });

  describe.each(CASES)('%s', (_name, event) => {
    it('validates the CloudEvent the mapper produces', () => {
      expect(errorsOf(event.type, event)).toEqual([]);
    });

    it('validates it as a company sees it without the learner’s consent, and with it', () => {
      expect(errorsOf(event.type, scopedForPartner(event, false))).toEqual([]);
      expect(errorsOf(event.type, scopedForPartner(event, true))).toEqual([]);
    });

    it('describes exactly the attributes and data fields the mapper produces', () => {
      const schema = PARTNER_EVENT_SCHEMAS[event.type];
      expect(Object.keys(event).sort()).toEqual(propertiesOf(schema));
      expect(Object.keys(event.data).sort()).toEqual(propertiesOf(schema, 'data'));
    });

    it('refuses a field the mapper never sends, another type, or a subject that is not a cohort', () => {
      expect(errorsOf(event.type, { ...event, data: { ...event.data, reason: 'for staff' } })).not.toEqual([]);
      const other = PARTNER_FEED_EVENT_TYPES.find((type) => type !== event.type);
      expect(errorsOf(event.type, { ...event, type: other })).not.toEqual([]);
      expect(errorsOf(event.type, { ...event, subject: 'learner/ada' })).not.toEqual([]);
      expect(errorsOf(event.type, { ...event, time: 'yesterday' })).not.toEqual([]);
      const { cohortId: _cohort, ...withoutCohort } = event.data;
      expect(errorsOf(event.type, { ...event, data: withoutCohort })).not.toEqual([]);
    });
  });

  it('never requires the learner’s or the application’s id: consent may drop them', () => {
    for (const schema of Object.values(PARTNER_EVENT_SCHEMAS)) {
      const data = (schema['properties'] as Record<string, JsonSchema>)['data'] ?? {};
      expect(data['required']).not.toContain('learnerId');
      expect(data['required']).not.toContain('enrollmentId');
    }
  });

  it('takes an independent learner’s application, whose companyId is null', () => {
    const [, submitted] = CASES[0] ?? [];
    if (!submitted) throw new Error('no application-submitted case');
    expect(errorsOf(submitted.type, { ...submitted, data: { ...submitted.data, companyId: null } })).toEqual([]);
  });
});
