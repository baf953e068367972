import type { PartnerEvent } from './partner.events';

/** Every event type of the union, at run time (the audit trail reads them all). */
export const PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerSuspended',
  'PartnerResumed',
  'WebhookEndpointAdded',
  'WebhookSecretRotated',
  'WebhookEndpointDisabled',
  'WebhookEndpointEnabled',
  'WebhookEndpointRemoved',
  'WebhookDeliveriesReplayRequested',
] as const satisfies readonly PartnerEvent['type'][];

type Missing = Exclude<PartnerEvent['type'], (typeof PARTNER_EVENT_TYPES)[number]>;
/** Compiles only while nothing is missing. */
export const PARTNER_EVENT_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
