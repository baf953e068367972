import type { WebhookEventTypes } from './partner-feed.event-types';

/** A signing secret and, for one replaced by a rotation, until when it still signs (null: current). */
export interface SigningSecret {
  readonly secret: string;
  readonly validUntil: string | null;
}

export type WebhookEndpointStatus = 'enabled' | 'disabled' | 'removed';

export interface WebhookEndpointState {
  readonly endpointId: string;
  readonly status: WebhookEndpointStatus;
  readonly url: string;
  readonly eventTypes: WebhookEventTypes;
  readonly description: string;
  /** The current secret first, then previous ones still in their overlap as of the last rotation. */
  readonly secrets: readonly SigningSecret[];
  /** Why it was disabled, while it is; null otherwise. */
  readonly disabledReason: string | null;
  /** The last replay requested, so the same request sent again is recognised; null before any. */
  readonly lastReplay: ReplayRequest | null;
}

export interface ReplayRequest {
  readonly replayId: string;
  readonly fromPosition: string | null;
  readonly fromTime: string | null;
}

interface PartnerProfile {
  readonly partnerId: string;
  readonly companyId: string;
  readonly name: string;
  readonly contact: string;
  /** Every endpoint ever added, removed ones included (their ids stay taken). */
  readonly endpoints: Readonly<Record<string, WebhookEndpointState>>;
}

export type PartnerState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & PartnerProfile)
  | ({ readonly status: 'suspended'; readonly suspendedReason: string } & PartnerProfile);

export type PartnerStatus = PartnerState['status'];
export type ExistingPartner = Exclude<PartnerState, { status: 'none' }>;

/** The secrets that sign a message sent at `now`: the current one, and previous ones still in their overlap. */
export function signingSecrets(endpoint: WebhookEndpointState, now: Date): readonly string[] {
  return endpoint.secrets
    .filter((s) => s.validUntil === null || Date.parse(s.validUntil) > now.getTime())
    .map((s) => s.secret);
}

/**
 * The endpoint of that id, if the partner has one. Own keys only: an id such as `constructor` or
 * `toString` is a well-formed endpoint id, and must not find what every object inherits.
 */
export function findEndpoint(partner: ExistingPartner, endpointId: string): WebhookEndpointState | undefined {
  return Object.hasOwn(partner.endpoints, endpointId) ? partner.endpoints[endpointId] : undefined;
}

/** Endpoints that count against the partner's limit: those not removed. */
export function liveEndpointCount(partner: ExistingPartner): number {
  return Object.values(partner.endpoints).filter((e) => e.status !== 'removed').length;
}

/**
 * The endpoint as messages may go to it now: enabled, of an active partner; undefined otherwise.
 * The deliverer asks its partner's stream, not only the read model that listed the endpoint, which
 * may not yet show a disable, a removal or a suspension just written.
 */
export function deliverableEndpoint(partner: PartnerState, endpointId: string): WebhookEndpointState | undefined {
  if (partner.status !== 'active') return undefined;
  const endpoint = findEndpoint(partner, endpointId);
  return endpoint?.status === 'enabled' ? endpoint : undefined;
}
