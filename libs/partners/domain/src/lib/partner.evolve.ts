import type { PartnerEvent, WebhookSecretRotated } from './partner.events';
import {
  findEndpoint,
  type ExistingPartner,
  type PartnerState,
  type SigningSecret,
  type WebhookEndpointState,
} from './partner.state';

function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * The new secret first; the replaced one until the overlap ends; older ones still in their own
 * overlap, but never past this one (an immediate rotation after a leak drops every old secret).
 */
function rotated(secrets: readonly SigningSecret[], event: WebhookSecretRotated['data']): SigningSecret[] {
  const { rotatedAt, previousSecretValidUntil: until } = event;
  const previous = secrets.map((s) => ({
    secret: s.secret,
    validUntil: s.validUntil === null ? until : earlier(s.validUntil, until),
  }));
  return [
    { secret: event.secret, validUntil: null },
    ...previous.filter((s) => Date.parse(s.validUntil) > Date.parse(rotatedAt)),
  ];
}

function withEndpoint(
  partner: ExistingPartner,
  endpointId: string,
  change: (endpoint: WebhookEndpointState) => WebhookEndpointState,
): PartnerState {
  const endpoint = findEndpoint(partner, endpointId);
  if (!endpoint) return partner;
  return { ...partner, endpoints: { ...partner.endpoints, [endpointId]: change(endpoint) } };
}

/** Folds what happened, trusting it: the rules were checked when each event was decided. */
export function evolvePartner(state: PartnerState, event: PartnerEvent): PartnerState {
  if (event.type === 'PartnerRegistered')
    return state.status === 'none' ? { status: 'active', ...event.data, endpoints: {} } : state;
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PartnerSuspended':
      return { ...state, status: 'suspended', suspendedReason: event.data.reason };
    case 'PartnerResumed': {
      if (state.status !== 'suspended') return state;
      const { suspendedReason: _reason, ...partner } = state;
      return { ...partner, status: 'active' };
    }
    case 'WebhookEndpointAdded': {
      const { partnerId: _partnerId, secret, ...endpoint } = event.data;
      return {
        ...state,
        endpoints: {
          ...state.endpoints,
          [endpoint.endpointId]: {
            ...endpoint,
            status: 'enabled',
            secrets: [{ secret, validUntil: null }],
            disabledReason: null,
            lastReplay: null,
          },
        },
      };
    }
    case 'WebhookSecretRotated':
      return withEndpoint(state, event.data.endpointId, (e) => ({ ...e, secrets: rotated(e.secrets, event.data) }));
    case 'WebhookEndpointDisabled':
      return withEndpoint(state, event.data.endpointId, (e) => ({
        ...e,
        status: 'disabled',
        disabledReason: event.data.reason,
      }));
    case 'WebhookEndpointEnabled':
      return withEndpoint(state, event.data.endpointId, (e) => ({ ...e, status: 'enabled', disabledReason: null }));
    case 'WebhookEndpointRemoved':
      return withEndpoint(state, event.data.endpointId, (e) => ({ ...e, status: 'removed', disabledReason: null }));
    case 'WebhookDeliveriesReplayRequested': {
      const { replayId, fromPosition, fromTime } = event.data;
      return withEndpoint(state, event.data.endpointId, (e) => ({
        ...e,
        lastReplay: { replayId, fromPosition, fromTime },
      }));
    }
    default:
      return state;
  }
}
