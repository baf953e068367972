import { PARTNER_FEED_EVENT_TYPES, type PartnerFeedEventType } from './partner-feed.event-types';

/** A JSON Schema (draft 2020-12) document, as served to partners. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Where the gateway serves the schemas: `<base>/index.json` lists them, `<base>/<type>.json` is one. */
export const PARTNER_SCHEMAS_PATH = '/schemas/partners';
export const PARTNER_SCHEMAS_INDEX_PATH = `${PARTNER_SCHEMAS_PATH}/index.json`;

/**
 * The path of a type's schema on any sooc gateway, which is also its `$id`: a reference resolved
 * against the URL the schema was fetched from, so it names the schema on whichever host serves it.
 */
export function partnerEventSchemaPath(type: PartnerFeedEventType): string {
  return `${PARTNER_SCHEMAS_PATH}/${type}.json`;
}

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const text = (description: string) => ({ type: 'string', minLength: 1, description }) as const;
const whole = (minimum: number, description: string) => ({ type: 'integer', minimum, description }) as const;
const flag = (description: string) => ({ type: 'boolean', description }) as const;

/** Every field any type's `data` carries; each type picks its own. */
const FIELDS = {
  enrollmentId: text(
    'The application: the same for every event about it (`<cohortId>-<learnerId>`). Absent unless the learner consented to be named to their company.',
  ),
  learnerId: text('The learner. Absent unless the learner consented to be named to their company.'),
  cohortId: text('The cohort the event is about; `subject` is `cohort/<cohortId>`.'),
  companyId: {
    type: ['string', 'null'],
    minLength: 1,
    description:
      'The company the learner applied as an employee of (yours, in your feed); null for an independent learner.',
  },
  eligible: flag('Whether the application met the course prerequisites; an ineligible one goes no further.'),
  expiresAt: { type: 'string', format: 'date-time', description: 'When the seat offer lapses unless accepted.' },
  promotedFromWaitlist: flag('Whether the seat went to someone from the waitlist (a seat freed up).'),
  session: whole(1, 'The session number, from 1.'),
  attended: flag('Whether the learner attended that session (a correction may turn it back).'),
  attendedSessions: whole(0, 'How many of the sessions the learner attended.'),
  sessions: whole(1, 'How many sessions the cohort had.'),
} as const;

type Field = keyof typeof FIELDS;

/** Where an application was when it was withdrawn: any status not final yet. */
const WITHDRAWN_FROM = ['submitted', 'admitted', 'waitlisted', 'offered', 'enrolled'] as const;
/** Where an application was when its cohort started without a confirmed seat for it. */
const NOT_ADMITTED_FROM = ['submitted', 'admitted', 'waitlisted', 'offered'] as const;

interface TypeDefinition {
  readonly context: 'enrollment' | 'cohorts';
  /** One line for partners: what happened. */
  readonly description: string;
  /** Fields present in every event of the type (besides enrollmentId and learnerId, which consent governs). */
  readonly fields: readonly Field[];
  readonly previousStatus?: readonly string[];
}

/** The people-facing types name a learner; consent decides whether enrollmentId and learnerId remain. */
const PERSON: readonly Field[] = ['cohortId'];

const TYPES: { readonly [T in PartnerFeedEventType]: TypeDefinition } = {
  'org.sooc.enrollment.application-submitted.v1': {
    context: 'enrollment',
    description: 'One of your employees applied to a cohort.',
    fields: [...PERSON, 'companyId', 'eligible'],
  },
  'org.sooc.enrollment.application-admitted.v1': {
    context: 'enrollment',
    description: 'The application was admitted: a seat offer follows when one is free.',
    fields: PERSON,
  },
  'org.sooc.enrollment.application-rejected.v1': {
    context: 'enrollment',
    description: 'The application was rejected (final).',
    fields: PERSON,
  },
  'org.sooc.enrollment.application-waitlisted.v1': {
    context: 'enrollment',
    description: 'The application was put on the waitlist, to be offered a seat when one frees up.',
    fields: PERSON,
  },
  'org.sooc.enrollment.seat-offered.v1': {
    context: 'enrollment',
    description: 'The applicant was offered a seat, to accept before it expires.',
    fields: [...PERSON, 'expiresAt', 'promotedFromWaitlist'],
  },
  'org.sooc.enrollment.offer-accepted.v1': {
    context: 'enrollment',
    description: 'The applicant accepted the seat: they are enrolled.',
    fields: PERSON,
  },
  'org.sooc.enrollment.offer-declined.v1': {
    context: 'enrollment',
    description: 'The applicant declined the seat (final).',
    fields: PERSON,
  },
  'org.sooc.enrollment.offer-expired.v1': {
    context: 'enrollment',
    description: 'The seat offer lapsed unanswered (final).',
    fields: [...PERSON, 'expiresAt'],
  },
  'org.sooc.enrollment.attendance-recorded.v1': {
    context: 'enrollment',
    description: 'Whether an enrolled learner attended one session was recorded (or corrected).',
    fields: [...PERSON, 'session', 'attended'],
  },
  'org.sooc.enrollment.enrollment-completed.v1': {
    context: 'enrollment',
    description: 'The learner completed the cohort, having attended enough sessions.',
    fields: [...PERSON, 'attendedSessions', 'sessions'],
  },
  'org.sooc.enrollment.learner-dropped.v1': {
    context: 'enrollment',
    description: 'The cohort ended without the learner attending enough sessions to complete it.',
    fields: [...PERSON, 'attendedSessions', 'sessions'],
  },
  'org.sooc.enrollment.application-withdrawn.v1': {
    context: 'enrollment',
    description: 'The learner withdrew their application or enrollment (final).',
    fields: PERSON,
    previousStatus: WITHDRAWN_FROM,
  },
  'org.sooc.enrollment.enrollment-cancelled.v1': {
    context: 'enrollment',
    description: 'The application ended because its cohort was cancelled (final).',
    fields: PERSON,
  },
  'org.sooc.enrollment.application-not-admitted.v1': {
    context: 'enrollment',
    description: 'The cohort started before the applicant held a confirmed seat (final).',
    fields: PERSON,
    previousStatus: NOT_ADMITTED_FROM,
  },
  'org.sooc.cohorts.cohort-started.v1': {
    context: 'cohorts',
    description: 'A cohort one of your employees applied to started.',
    fields: ['cohortId'],
  },
  'org.sooc.cohorts.cohort-completed.v1': {
    context: 'cohorts',
    description: 'A cohort one of your employees applied to ended; completions and drops follow per learner.',
    fields: ['cohortId', 'sessions'],
  },
  'org.sooc.cohorts.cohort-cancelled.v1': {
    context: 'cohorts',
    description:
      'A cohort one of your employees applied to was cancelled; each application ends with enrollment-cancelled.',
    fields: ['cohortId'],
  },
};

function dataSchema(definition: TypeDefinition): JsonSchema {
  const person = definition.context === 'enrollment';
  const properties: Record<string, unknown> = {};
  if (person) Object.assign(properties, { enrollmentId: FIELDS.enrollmentId, learnerId: FIELDS.learnerId });
  for (const field of definition.fields) properties[field] = FIELDS[field];
  const required: string[] = [...definition.fields];
  if (definition.previousStatus) {
    properties['previousStatus'] = {
      type: 'string',
      enum: definition.previousStatus,
      description: 'The status the application had until this event.',
    };
    required.push('previousStatus');
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function eventSchema(type: PartnerFeedEventType, definition: TypeDefinition): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: partnerEventSchemaPath(type),
    title: type,
    description: `${definition.description} A CloudEvents 1.0 event in its JSON format; its data is version 1 of the type's shape (a change of shape is a new type).`,
    type: 'object',
    properties: {
      specversion: { const: '1.0' },
      id: text(
        'The event’s id: the same on every delivery, retry, replay and pull of it (the `webhook-id` header too). Deduplicate on it.',
      ),
      source: { const: `/sooc/${definition.context}` },
      type: { const: type },
      subject: { type: 'string', pattern: '^cohort/.+$', description: 'The cohort: `cohort/<cohortId>`.' },
      time: { type: 'string', format: 'date-time', description: 'When it happened (UTC).' },
      datacontenttype: { const: 'application/json' },
      data: dataSchema(definition),
    },
    required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'],
  };
}

/** One JSON Schema per type of the catalogue: the whole CloudEvent, its `data` exactly as the mapper produces it. */
export const PARTNER_EVENT_SCHEMAS: { readonly [T in PartnerFeedEventType]: JsonSchema } = Object.fromEntries(
  PARTNER_FEED_EVENT_TYPES.map((type) => [type, eventSchema(type, TYPES[type])]),
) as { readonly [T in PartnerFeedEventType]: JsonSchema };

/** What a type means, in one line (the schema's description starts with it). */
export function partnerEventDescription(type: PartnerFeedEventType): string {
  return TYPES[type].description;
}
