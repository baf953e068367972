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
 * address: personal data, to be declared for sealing at rest once the partner feed is wired.
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
 * outside the decider and handed to the partner once. It is a secret kept in the event store:
 * it MUST be declared as personal/secret data so the store seals it at rest, as
 * ENROLLMENT_PERSONAL_DATA does for the dossier (libs/enrollment/domain), before any endpoint is
 * added outside tests. Sealed with a key of its own subject: an erasure must never delete it, nor
 * may erasing the partner's secrets touch a learner's key (the key store has one id space).
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
