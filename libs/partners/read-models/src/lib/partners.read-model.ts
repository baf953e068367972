import type { Kysely } from 'kysely';

/** A registered partner: the company it speaks for. */
export type PartnerRow = {
  partner_id: string;
  company_id: string;
  name: string;
  contact: string;
  /** active | suspended */
  status: string;
  status_reason: string | null;
  registered_at: string;
  updated_at: string;
};

/** A webhook endpoint as the API shows it; its secrets stay in the partner's events. */
export type WebhookEndpointRow = {
  /** `<partnerId>/<endpointId>`: endpoint ids are a partner's own, two partners may use the same one. */
  endpoint_key: string;
  endpoint_id: string;
  partner_id: string;
  url: string;
  /** JSON: "all" or a list of CloudEvents types. */
  event_types: string;
  description: string;
  /** enabled | disabled | removed */
  status: string;
  disabled_reason: string | null;
  /** Feed events after this position are for this endpoint: it hears nothing from before it existed. */
  added_position: string;
  /** The last replay asked for (null: none), and from where. */
  replay_id: string | null;
  replay_from_position: string | null;
  replay_from_time: string | null;
  created_at: string;
  updated_at: string;
};

/** Who applied for which company, and whether they agreed to be named to it. */
export type PartnerEnrollmentRow = {
  enrollment_id: string;
  cohort_id: string;
  learner_id: string;
  company_id: string | null;
  share_with_company: number;
};

/** One partner-facing CloudEvent per event partners may receive, before scoping to a partner. */
export type PartnerFeedRow = {
  position: string;
  event_id: string;
  /** The CloudEvents type, e.g. org.sooc.enrollment.seat-offered.v1. */
  type: string;
  cohort_id: string | null;
  /** Null for a cohort's own milestones, which go to every company with people in it. */
  enrollment_id: string | null;
  time: string;
  /** The CloudEvent as JSON, with every identifier: scopedForPartner drops the people without consent. */
  event: string;
  /** The W3C traceparent the event was written under; null when untraced. Never sent to partners. */
  traceparent: string | null;
};

/** The delivery worker's progress per endpoint: the last feed position turned into messages. */
export interface WebhookCursorRow {
  endpoint_key: string;
  position: string;
  replay_id: string | null;
  generation: number;
  /** When its deliveries began to fail without a success since (null: healthy), and the last failure. */
  failing_since: string | null;
  last_error: string | null;
}

/** One CloudEvent to deliver to one endpoint (again, for a replay: a later generation). */
export interface WebhookMessageRow {
  endpoint_key: string;
  position: string;
  generation: number;
  event_id: string;
  type: string;
  /** Ordering key: a failing message holds back its cohort's later ones for this endpoint. */
  cohort_id: string;
  payload: string;
  /** pending | delivered | parked | cancelled */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  last_attempt_at: string | null;
  delivered_at: string | null;
  /** The feed entry's traceparent: each attempt's span continues the trace that wrote the event. */
  traceparent: string | null;
}

/** One try of one message: what the receiver answered, or why nothing came back. */
export interface WebhookAttemptRow {
  endpoint_key: string;
  position: string;
  generation: number;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  /** The first bytes of the answer. */
  response: string | null;
}

/** The tables this library owns, for `Kysely<PartnersDatabase>`. */
export interface PartnersDatabase {
  partners: PartnerRow;
  webhook_endpoints: WebhookEndpointRow;
  partner_enrollments: PartnerEnrollmentRow;
  partner_feed: PartnerFeedRow;
  webhook_cursors: WebhookCursorRow;
  webhook_messages: WebhookMessageRow;
  webhook_attempts: WebhookAttemptRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type PartnersReadDb = Kysely<PartnersDatabase>;
