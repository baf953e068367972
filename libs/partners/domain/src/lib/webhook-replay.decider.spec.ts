import { DeciderSpecification, SPEC_NOW, type ValidationError } from '@sooc/event-sourcing';
import {
  ENDPOINT_ID,
  PARTNER_ID,
  endpointAdded,
  endpointDisabled,
  endpointEvent,
  partnerRegistered,
  partnerSuspended,
  replayRequested,
} from '../testing/partner.fixture';
import type { ReplayWebhookDeliveries } from './partner.commands';
import { partnerDecider } from './partner.decider';

const spec = DeciderSpecification(partnerDecider);
const withEndpoint = [partnerRegistered(), endpointAdded()];
const NOW = SPEC_NOW.toISOString();
const inHours = (hours: number) => new Date(SPEC_NOW.getTime() + hours * 3_600_000).toISOString();

const replay = (from: Record<string, unknown>, replayId: unknown = 'replay-1', endpointId = ENDPOINT_ID) => ({
  type: 'ReplayWebhookDeliveries' as const,
  data: {
    partnerId: PARTNER_ID,
    endpointId,
    fromPosition: null,
    fromTime: null,
    replayId,
    ...from,
  } as unknown as ReplayWebhookDeliveries['data'],
});

describe('replaying the deliveries of an endpoint', () => {
  describe('when the endpoint is live', () => {
    it('asks for a replay from a position, or from an instant normalised to UTC', () => {
      spec
        .given(withEndpoint)
        .when(replay({ fromPosition: '0042' }))
        .then([replayRequested({ fromPosition: '42' })]);
      spec
        .given(withEndpoint)
        .when(replay({ fromTime: '2026-03-03T10:00:00+01:00' }))
        .then([replayRequested({ fromTime: '2026-03-03T09:00:00.000Z' })]);
    });

    it('replays a disabled endpoint too (the messages wait until it is enabled), and a suspended partner’s', () => {
      spec
        .given([...withEndpoint, endpointDisabled(), partnerSuspended()])
        .when(replay({ fromTime: NOW }))
        .then([replayRequested({ fromTime: NOW })]);
    });

    it('asks again for another replay, even from the same point', () => {
      spec
        .given([...withEndpoint, replayRequested({ fromPosition: '7' })])
        .when(replay({ fromPosition: '7' }, 'replay-2'))
        .then([replayRequested({ fromPosition: '7' }, 'replay-2')]);
    });

    it.each([
      ['neither a position nor an instant', {}, 'fromPosition'],
      ['both a position and an instant', { fromPosition: '1', fromTime: NOW }, 'fromPosition'],
      ['a negative position', { fromPosition: '-1' }, 'fromPosition'],
      ['a position past 64 bits', { fromPosition: (2n ** 64n).toString() }, 'fromPosition'],
      ['an instant in the future', { fromTime: inHours(1) }, 'fromTime'],
      ['an instant without an offset', { fromTime: '2026-03-03T09:00:00' }, 'fromTime'],
    ])('refuses %s', (_case, from, field) => {
      const error = spec
        .given(withEndpoint)
        .when(replay(from))
        .thenThrows('WEBHOOK_ENDPOINT.REPLAY_FROM_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual([field]);
    });

    it('refuses a missing replay id', () => {
      spec
        .given(withEndpoint)
        .when(replay({ fromPosition: '1' }, ''))
        .thenThrows('WEBHOOK_ENDPOINT.REPLAY_ID_INVALID', 'validation');
    });

    it('changes nothing when the same request is sent again', () => {
      spec
        .given([...withEndpoint, replayRequested({ fromPosition: '7' })])
        .when(replay({ fromPosition: '7' }))
        .thenNothing();
    });

    it('refuses the same replay id from another starting point', () => {
      spec
        .given([...withEndpoint, replayRequested({ fromPosition: '7' })])
        .when(replay({ fromPosition: '8' }))
        .thenThrows('WEBHOOK_ENDPOINT.REPLAY_ID_TAKEN', 'illegal-state');
    });
  });

  describe('when the endpoint is removed or unknown', () => {
    it('refuses a removed endpoint', () => {
      spec
        .given([...withEndpoint, endpointEvent('WebhookEndpointRemoved')])
        .when(replay({ fromPosition: '1' }))
        .thenThrows('WEBHOOK_ENDPOINT.REMOVED', 'illegal-state');
    });

    it('refuses an endpoint or a partner that does not exist', () => {
      spec
        .given(withEndpoint)
        .when(replay({ fromPosition: '1' }, 'replay-1', 'ep-9'))
        .thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
      spec
        .given([])
        .when(replay({ fromPosition: '1' }))
        .thenThrows('PARTNER.NOT_FOUND', 'not-found');
    });
  });
});
