import type {
  PartnerEvent,
  PartnerRegistered,
  WebhookEndpointAdded,
  WebhookSecretRotated,
} from '../lib/partner.events';

/** A well-formed signing secret: `whsec_` + the base64 of 32 bytes made of `seed`. */
export const whsec = (seed: string): string => `whsec_${Buffer.from(seed.repeat(32).slice(0, 32)).toString('base64')}`;

export const PARTNER_ID = 'acme';
export const ENDPOINT_ID = 'ep-1';

export const partnerRegistered = (overrides: Partial<PartnerRegistered['data']> = {}): PartnerRegistered => ({
  type: 'PartnerRegistered',
  data: {
    partnerId: PARTNER_ID,
    companyId: 'acme-corp',
    name: 'ACME Training',
    contact: 'hr@acme.example',
    ...overrides,
  },
});

export const endpointAdded = (
  endpointId = ENDPOINT_ID,
  overrides: Partial<WebhookEndpointAdded['data']> = {},
): WebhookEndpointAdded => ({
  type: 'WebhookEndpointAdded',
  data: {
    partnerId: PARTNER_ID,
    endpointId,
    url: `https://hooks.acme.example/${endpointId}`,
    eventTypes: 'all',
    description: 'HR system',
    secret: whsec(endpointId),
    ...overrides,
  },
});

export const secretRotated = (
  secret: string,
  rotatedAt: string,
  previousSecretValidUntil: string,
  endpointId = ENDPOINT_ID,
): WebhookSecretRotated => ({
  type: 'WebhookSecretRotated',
  data: { partnerId: PARTNER_ID, endpointId, secret, rotatedAt, previousSecretValidUntil },
});

export const partnerSuspended = (reason = 'contract ended'): PartnerEvent => ({
  type: 'PartnerSuspended',
  data: { partnerId: PARTNER_ID, reason },
});

export const endpointEvent = (
  type: 'WebhookEndpointEnabled' | 'WebhookEndpointRemoved',
  endpointId = ENDPOINT_ID,
): PartnerEvent => ({ type, data: { partnerId: PARTNER_ID, endpointId } });

export const endpointDisabled = (reason = 'receiver answered 410 Gone', endpointId = ENDPOINT_ID): PartnerEvent => ({
  type: 'WebhookEndpointDisabled',
  data: { partnerId: PARTNER_ID, endpointId, reason },
});

export const replayRequested = (
  from: { readonly fromPosition?: string; readonly fromTime?: string },
  replayId = 'replay-1',
  endpointId = ENDPOINT_ID,
): PartnerEvent => ({
  type: 'WebhookDeliveriesReplayRequested',
  data: {
    partnerId: PARTNER_ID,
    endpointId,
    fromPosition: from.fromPosition ?? null,
    fromTime: from.fromTime ?? null,
    replayId,
  },
});
