import type { DomainEvent } from '@sooc/event-sourcing';
import type { WebhookEventTypes } from './partner-feed.event-types';

/**
 * Every partner event names its partner, so readers never parse stream ids. Who acted and when
 * travel in the event's metadata (actor, occurredAt), as for every other context.
 */
export interface PartnerRef {
  readonly partnerId: string;
}

export interface EndpointRef extends PartnerRef {
  readonly endpointId: string;
}

/**
 * A company that receives the feed of its employees' enrollments. `contact` is a person's e-mail
 * address: personal data, sealed at rest with the partner's own key (PARTNER_SECRET_DATA).
 */
export type PartnerRegistered = DomainEvent<
  'PartnerRegistered',
  PartnerRef & { readonly companyId: string; readonly name: string; readonly contact: string }
>;
/** Nothing is delivered to a suspended partner and it cannot add endpoints; why, in the partner's view. */
export type PartnerSuspended = DomainEvent<'PartnerSuspended', PartnerRef & { readonly reason: string }>;
export type PartnerResumed = DomainEvent<'PartnerResumed', PartnerRef & { readonly reason: string }>;

/**
 * `secret` is the endpoint's Standard Webhooks signing secret (`whsec_` + base64), generated
 * outside the decider and handed to the partner once. The store keeps it sealed with a key of
 * the endpoint's own (PARTNER_SECRET_DATA), which no learner's erasure can reach: readers of the
 * stream see it sealed, and only the delivery worker opens it, to sign.
 */
export type WebhookEndpointAdded = DomainEvent<
  'WebhookEndpointAdded',
  EndpointRef & {
    readonly url: string;
    readonly eventTypes: WebhookEventTypes;
    readonly description: string;
    readonly secret: string;
  }
>;
/**
 * The new secret signs from now on; the previous one keeps signing beside it until
 * `previousSecretValidUntil` (equal to `rotatedAt` for an immediate switch, after a leak).
 * `secret` is sealed like WebhookEndpointAdded's.
 */
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  EndpointRef & { readonly secret: string; readonly rotatedAt: string; readonly previousSecretValidUntil: string }
>;
/** By the partner, an admin, or the feed itself (`410 Gone`, failing for too long): the reason says which. */
export type WebhookEndpointDisabled = DomainEvent<'WebhookEndpointDisabled', EndpointRef & { readonly reason: string }>;
export type WebhookEndpointEnabled = DomainEvent<'WebhookEndpointEnabled', EndpointRef>;
/** Final: the id stays taken, so a delivery log never mixes two endpoints under one id. */
export type WebhookEndpointRemoved = DomainEvent<'WebhookEndpointRemoved', EndpointRef>;

/**
 * The feed re-sends the endpoint's messages from `fromPosition` (a position of `$all`, as a decimal
 * string) or from `fromTime` (an ISO-8601 instant in UTC): exactly one is set. Ids are kept, so a
 * receiver deduplicating by `webhook-id` sees each message once.
 */
export type WebhookDeliveriesReplayRequested = DomainEvent<
  'WebhookDeliveriesReplayRequested',
  EndpointRef & {
    readonly fromPosition: string | null;
    readonly fromTime: string | null;
    readonly replayId: string;
  }
>;

export type PartnerEvent =
  | PartnerRegistered
  | PartnerSuspended
  | PartnerResumed
  | WebhookEndpointAdded
  | WebhookSecretRotated
  | WebhookEndpointDisabled
  | WebhookEndpointEnabled
  | WebhookEndpointRemoved
  | WebhookDeliveriesReplayRequested;
