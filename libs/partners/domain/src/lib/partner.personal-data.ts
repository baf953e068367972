import type { PersonalDataDeclaration } from '@sooc/event-sourcing';

/**
 * A webhook endpoint's signing secret, sealed at rest with a key of the endpoint's own
 * (`webhook-secret:<partnerId>/<endpointId>`): the event store, its backups and copies never hold
 * it in clear, and no learner's erasure can reach it (ids never hold `:`). The delivery worker
 * opens it to sign; the API never shows it after the mutation that made it.
 */
const sealedSecret = (type: 'WebhookEndpointAdded' | 'WebhookSecretRotated'): PersonalDataDeclaration => ({
  type,
  subject: ['partnerId', 'endpointId'],
  namespace: 'webhook-secret',
  paths: ['secret'],
  // Version 1 held the secret in clear (partner.upcasters.ts).
  sealedSince: 2,
});

/**
 * The partner's contact, a person's e-mail address: sealed with the partner's own key
 * (`partner:<partnerId>`), opened at the edge for whoever may read the partner.
 */
const sealedContact: PersonalDataDeclaration = {
  type: 'PartnerRegistered',
  subject: 'partnerId',
  namespace: 'partner',
  paths: ['contact'],
  sealedSince: 2,
};

export const PARTNER_SECRET_DATA: readonly PersonalDataDeclaration[] = [
  sealedSecret('WebhookEndpointAdded'),
  sealedSecret('WebhookSecretRotated'),
  sealedContact,
];
