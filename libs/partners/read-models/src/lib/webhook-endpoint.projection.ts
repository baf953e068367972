import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { PartnerEvent } from '@sooc/partners-domain/published';
import { positionKey } from '@sooc/util';
import type { WebhookEndpointRow } from './partners.read-model';

type EndpointEvent = Extract<
  PartnerEvent,
  {
    type:
      | 'WebhookEndpointAdded'
      | 'WebhookSecretRotated'
      | 'WebhookEndpointDisabled'
      | 'WebhookEndpointEnabled'
      | 'WebhookEndpointRemoved'
      | 'WebhookDeliveriesReplayRequested';
  }
>;
type Handled = EndpointEvent;

/** Endpoint ids are a partner's own: two partners may both have an `hr-system`. */
export const endpointKey = (partnerId: string, endpointId: string): string => `${partnerId}/${endpointId}`;

export function applyEndpointEvent(
  row: WebhookEndpointRow | null,
  event: RecordedEvent<Handled>,
): WebhookEndpointRow | null {
  const at = event.metadata.occurredAt;
  if (event.type === 'WebhookEndpointAdded')
    return {
      endpoint_key: endpointKey(event.data.partnerId, event.data.endpointId),
      endpoint_id: event.data.endpointId,
      partner_id: event.data.partnerId,
      url: event.data.url,
      event_types: JSON.stringify(event.data.eventTypes),
      description: event.data.description,
      status: 'enabled',
      disabled_reason: null,
      added_position: positionKey(event.position),
      replay_id: null,
      replay_from_position: null,
      replay_from_time: null,
      created_at: at,
      updated_at: at,
    };
  if (!row) return null;
  switch (event.type) {
    case 'WebhookSecretRotated':
      return { ...row, updated_at: at };
    case 'WebhookEndpointDisabled':
      return { ...row, status: 'disabled', disabled_reason: event.data.reason, updated_at: at };
    case 'WebhookEndpointEnabled':
      return { ...row, status: 'enabled', disabled_reason: null, updated_at: at };
    case 'WebhookEndpointRemoved':
      return { ...row, status: 'removed', updated_at: at };
    case 'WebhookDeliveriesReplayRequested':
      return {
        ...row,
        replay_id: event.data.replayId,
        replay_from_position: event.data.fromPosition === null ? null : positionKey(BigInt(event.data.fromPosition)),
        replay_from_time: event.data.fromTime,
        updated_at: at,
      };
  }
}

/** The partners' endpoints as the API lists them and the delivery worker serves them. */
export const webhookEndpointProjection: Projection<WebhookEndpointRow, Handled> = {
  name: 'partners.webhook-endpoints',
  table: 'webhook_endpoints',
  keyColumn: 'endpoint_key',
  handles: [
    'WebhookEndpointAdded',
    'WebhookSecretRotated',
    'WebhookEndpointDisabled',
    'WebhookEndpointEnabled',
    'WebhookEndpointRemoved',
    'WebhookDeliveriesReplayRequested',
  ],
  keyOf: (event) => endpointKey(event.data.partnerId, event.data.endpointId),
  apply: applyEndpointEvent,
};
