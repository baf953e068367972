import { isDeepStrictEqual } from 'node:util';
import { FieldProblems, IllegalStateError } from '@sooc/event-sourcing';
import type {
  AddWebhookEndpoint,
  DisableWebhookEndpoint,
  EnableWebhookEndpoint,
  RemoveWebhookEndpoint,
  RotateWebhookSecret,
} from './partner.commands';
import { requireEndpoint, requireLiveEndpoint, requirePartner } from './partner.error';
import type { PartnerEvent } from './partner.events';
import {
  PARTNER_LIMITS,
  requireDescription,
  requireEndpointId,
  requireEventTypes,
  requireOverlap,
  requirePartnerId,
  requireReason,
  requireSecret,
  requireSecretUnused,
  requireUrl,
} from './partner.rules';
import { findEndpoint, liveEndpointCount, type PartnerState } from './partner.state';

function refs(problems: FieldProblems, data: { readonly partnerId: string; readonly endpointId: string }) {
  requirePartnerId(problems, data.partnerId);
  requireEndpointId(problems, data.endpointId);
  return { partnerId: data.partnerId, endpointId: data.endpointId };
}

export function addWebhookEndpoint(command: AddWebhookEndpoint, state: PartnerState): PartnerEvent[] {
  const problems = new FieldProblems();
  const ref = refs(problems, command.data);
  const url = requireUrl(problems, command.data.url);
  const eventTypes = requireEventTypes(problems, command.data.eventTypes);
  const description = requireDescription(problems, command.data.description);
  const secret = requireSecret(problems, 'secret', command.data.secret);
  problems.throwIfAny('The webhook endpoint cannot be added');
  const partner = requirePartner(state, ref.partnerId);
  const data = { ...ref, url, eventTypes, description, secret };

  const existing = findEndpoint(partner, ref.endpointId);
  if (existing) {
    // A client that timed out retries with the same endpoint: success, not a conflict.
    const same = { url: existing.url, eventTypes: existing.eventTypes, description: existing.description };
    const retried = existing.secrets[0]?.secret === secret && isDeepStrictEqual(same, { url, eventTypes, description });
    if (retried && existing.status !== 'removed') return [];
    throw new IllegalStateError(
      'WEBHOOK_ENDPOINT.ALREADY_EXISTS',
      `Partner ${ref.partnerId} already has a webhook endpoint ${ref.endpointId}`,
      ref,
    );
  }
  if (partner.status === 'suspended')
    throw new IllegalStateError(
      'PARTNER.SUSPENDED',
      `Partner ${ref.partnerId} is suspended: it cannot add webhook endpoints`,
      { partnerId: ref.partnerId },
    );
  if (liveEndpointCount(partner) >= PARTNER_LIMITS.endpointsMax)
    throw new IllegalStateError(
      'WEBHOOK_ENDPOINT.LIMIT_REACHED',
      `Partner ${ref.partnerId} already has ${PARTNER_LIMITS.endpointsMax} webhook endpoints: remove one first`,
      { partnerId: ref.partnerId, max: PARTNER_LIMITS.endpointsMax },
    );
  requireSecretUnused(partner, secret, 'secret');
  return [{ type: 'WebhookEndpointAdded', data }];
}

export function rotateWebhookSecret(command: RotateWebhookSecret, state: PartnerState): PartnerEvent[] {
  const { now } = command.metadata;
  const problems = new FieldProblems();
  const ref = refs(problems, command.data);
  const secret = requireSecret(problems, 'newSecret', command.data.newSecret);
  const overlapUntil = requireOverlap(problems, command.data.overlapSeconds, now);
  problems.throwIfAny('The webhook secret cannot be rotated');
  const partner = requirePartner(state, ref.partnerId);
  const endpoint = requireLiveEndpoint(partner, ref.endpointId, 'rotate the secret of');
  // The same rotation sent again: the new secret already signs.
  if (endpoint.secrets[0]?.secret === secret) return [];
  requireSecretUnused(partner, secret, 'newSecret');
  return [
    {
      type: 'WebhookSecretRotated',
      data: {
        ...ref,
        secret,
        rotatedAt: now.toISOString(),
        previousSecretValidUntil: (overlapUntil as Date).toISOString(),
      },
    },
  ];
}

export function disableWebhookEndpoint(command: DisableWebhookEndpoint, state: PartnerState): PartnerEvent[] {
  const problems = new FieldProblems();
  const ref = refs(problems, command.data);
  const reason = requireReason(problems, command.data.reason, 'WEBHOOK_ENDPOINT.REASON_INVALID');
  problems.throwIfAny('The webhook endpoint cannot be disabled');
  const endpoint = requireLiveEndpoint(requirePartner(state, ref.partnerId), ref.endpointId, 'disable');
  if (endpoint.status === 'disabled') return [];
  return [{ type: 'WebhookEndpointDisabled', data: { ...ref, reason } }];
}

export function enableWebhookEndpoint(command: EnableWebhookEndpoint, state: PartnerState): PartnerEvent[] {
  const problems = new FieldProblems();
  const ref = refs(problems, command.data);
  problems.throwIfAny('The webhook endpoint cannot be enabled');
  const endpoint = requireLiveEndpoint(requirePartner(state, ref.partnerId), ref.endpointId, 'enable');
  if (endpoint.status === 'enabled') return [];
  return [{ type: 'WebhookEndpointEnabled', data: ref }];
}

export function removeWebhookEndpoint(command: RemoveWebhookEndpoint, state: PartnerState): PartnerEvent[] {
  const problems = new FieldProblems();
  const ref = refs(problems, command.data);
  problems.throwIfAny('The webhook endpoint cannot be removed');
  const endpoint = requireEndpoint(requirePartner(state, ref.partnerId), ref.endpointId);
  if (endpoint.status === 'removed') return [];
  return [{ type: 'WebhookEndpointRemoved', data: ref }];
}
