import type { Upcaster } from '@sooc/event-sourcing';

/**
 * WebhookEndpointAdded and WebhookSecretRotated v1 → v2: version 2 stores the secret sealed, and
 * PartnerRegistered v2 its contact (the store does that, PARTNER_SECRET_DATA); the data's shape
 * is unchanged. The version says which stored events still hold them in clear, so the store seals
 * those as it reads them.
 */
const sealedFromV2 = (type: string): Upcaster => ({ type, fromVersion: 1, up: (data) => data });

export const PARTNER_UPCASTERS: readonly Upcaster[] = [
  sealedFromV2('WebhookEndpointAdded'),
  sealedFromV2('WebhookSecretRotated'),
  sealedFromV2('PartnerRegistered'),
];
