/**
 * The CloudEvents types a partner can subscribe a webhook endpoint to: the published catalogue of
 * the partner feed (`org.sooc.<context>.<event>.v<N>`, N the version of the partner-facing data,
 * not of the stored event). The feed's mapper produces exactly these; an endpoint names some of
 * them, or takes them all. A new data version is a new type, listed beside the old one.
 */
export const PARTNER_FEED_EVENT_TYPES = [
  'org.sooc.enrollment.application-submitted.v1',
  'org.sooc.enrollment.application-admitted.v1',
  'org.sooc.enrollment.application-rejected.v1',
  'org.sooc.enrollment.application-waitlisted.v1',
  'org.sooc.enrollment.seat-offered.v1',
  'org.sooc.enrollment.offer-accepted.v1',
  'org.sooc.enrollment.offer-declined.v1',
  'org.sooc.enrollment.offer-expired.v1',
  'org.sooc.enrollment.attendance-recorded.v1',
  'org.sooc.enrollment.enrollment-completed.v1',
  'org.sooc.enrollment.learner-dropped.v1',
  'org.sooc.enrollment.application-withdrawn.v1',
  'org.sooc.enrollment.enrollment-cancelled.v1',
  'org.sooc.enrollment.application-not-admitted.v1',
  'org.sooc.cohorts.cohort-started.v1',
  'org.sooc.cohorts.cohort-completed.v1',
  'org.sooc.cohorts.cohort-cancelled.v1',
] as const;

export type PartnerFeedEventType = (typeof PARTNER_FEED_EVENT_TYPES)[number];

/** What an endpoint receives: every type of the catalogue (today's and those added later), or the listed ones. */
export type WebhookEventTypes = 'all' | readonly PartnerFeedEventType[];

export function isPartnerFeedEventType(value: unknown): value is PartnerFeedEventType {
  return typeof value === 'string' && (PARTNER_FEED_EVENT_TYPES as readonly string[]).includes(value);
}

/** Whether an endpoint subscribed to `eventTypes` receives events of `type`. */
export function receivesEventType(eventTypes: WebhookEventTypes, type: string): boolean {
  return eventTypes === 'all' ? isPartnerFeedEventType(type) : (eventTypes as readonly string[]).includes(type);
}
