import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';
import { findEndpoint, type ExistingPartner, type PartnerState, type WebhookEndpointState } from './partner.state';

export function partnerNotFound(partnerId: string): NotFoundError {
  return new NotFoundError('PARTNER.NOT_FOUND', `Partner ${partnerId} does not exist`, { partnerId });
}

export function requirePartner(state: PartnerState, partnerId: string): ExistingPartner {
  if (state.status === 'none') throw partnerNotFound(partnerId);
  return state;
}

export function requireEndpoint(partner: ExistingPartner, endpointId: string): WebhookEndpointState {
  const endpoint = findEndpoint(partner, endpointId);
  if (!endpoint)
    throw new NotFoundError(
      'WEBHOOK_ENDPOINT.NOT_FOUND',
      `Partner ${partner.partnerId} has no webhook endpoint ${endpointId}`,
      { partnerId: partner.partnerId, endpointId },
    );
  return endpoint;
}

/** An endpoint that can still change: removal is final. */
export function requireLiveEndpoint(
  partner: ExistingPartner,
  endpointId: string,
  action: string,
): WebhookEndpointState {
  const endpoint = requireEndpoint(partner, endpointId);
  if (endpoint.status === 'removed')
    throw new IllegalStateError(
      'WEBHOOK_ENDPOINT.REMOVED',
      `Cannot ${action} webhook endpoint ${endpointId}: it was removed`,
      { partnerId: partner.partnerId, endpointId },
    );
  return endpoint;
}
