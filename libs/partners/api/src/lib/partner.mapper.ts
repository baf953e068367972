import { findEndpoint, type PartnerState, type WebhookEndpointState } from '@sooc/partners-domain';
import type { PartnerRow } from '@sooc/partners-read-models';
import { Partner, PartnerStatus, WebhookEndpoint, WebhookEndpointStatus } from './partner.type';

/** The partner as its state after the write holds it: every field is the write side's, nothing waits. */
export function partnerOf(state: PartnerState): Partner {
  if (state.status === 'none') throw new Error('The partner is missing after a successful command');
  const { partnerId, companyId, name, contact } = state;
  return {
    partnerId,
    companyId,
    name,
    contact,
    status: state.status === 'active' ? PartnerStatus.ACTIVE : PartnerStatus.SUSPENDED,
    suspendedReason: state.status === 'suspended' ? state.suspendedReason : null,
  };
}

/** A partner as the read model lists it. */
export function partnerOfRow(row: PartnerRow): Partner {
  return {
    partnerId: row.partner_id,
    companyId: row.company_id,
    name: row.name,
    contact: row.contact,
    status: row.status === 'suspended' ? PartnerStatus.SUSPENDED : PartnerStatus.ACTIVE,
    suspendedReason: row.status === 'suspended' ? row.status_reason : null,
  };
}

/** The latest instant a previous secret signs until, as of the last rotation; null before any rotation. */
function rotationOverlapUntil(endpoint: WebhookEndpointState): string | null {
  const until = endpoint.secrets.map((s) => s.validUntil).filter((v): v is string => v !== null);
  return until.length === 0 ? null : until.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

const ENDPOINT_STATUS: Readonly<Record<WebhookEndpointState['status'], WebhookEndpointStatus>> = {
  enabled: WebhookEndpointStatus.ENABLED,
  disabled: WebhookEndpointStatus.DISABLED,
  removed: WebhookEndpointStatus.REMOVED,
};

/** An endpoint without its secrets: those are shown once, by the mutations that make them. */
export function endpointOf(state: PartnerState, endpointId: string): WebhookEndpoint {
  const endpoint = state.status === 'none' ? undefined : findEndpoint(state, endpointId);
  if (state.status === 'none' || !endpoint) throw new Error(`Endpoint ${endpointId} is missing after a command`);
  return {
    partnerId: state.partnerId,
    endpointId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes === 'all' ? [] : [...endpoint.eventTypes],
    description: endpoint.description,
    status: ENDPOINT_STATUS[endpoint.status],
    disabledReason: endpoint.disabledReason,
    rotationOverlapUntil: rotationOverlapUntil(endpoint),
  };
}
