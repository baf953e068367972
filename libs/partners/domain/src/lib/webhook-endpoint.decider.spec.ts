import { DeciderSpecification, SPEC_NOW, type ValidationError } from '@sooc/event-sourcing';
import {
  ENDPOINT_ID,
  PARTNER_ID,
  endpointAdded,
  endpointDisabled,
  endpointEvent,
  partnerRegistered,
  partnerSuspended,
  secretRotated,
  whsec,
} from '../testing/partner.fixture';
import type { PartnerCommand } from './partner.commands';
import { partnerDecider } from './partner.decider';

const spec = DeciderSpecification(partnerDecider);
const registered = [partnerRegistered()];
const withEndpoint = [...registered, endpointAdded()];
const NOW = SPEC_NOW.toISOString();
const inHours = (hours: number) => new Date(SPEC_NOW.getTime() + hours * 3_600_000).toISOString();

type Data<T extends PartnerCommand['type']> = Extract<PartnerCommand, { type: T }>['data'];
const command = <T extends PartnerCommand['type']>(type: T, data: Record<string, unknown>) => ({
  type,
  data: { partnerId: PARTNER_ID, endpointId: ENDPOINT_ID, ...data } as unknown as Data<T>,
});
const add = (overrides: Record<string, unknown> = {}, endpointId = ENDPOINT_ID) =>
  command('AddWebhookEndpoint', { ...endpointAdded(endpointId).data, ...overrides });
const rotate = (newSecret = whsec('new'), overlapSeconds: unknown = 24 * 3600) =>
  command('RotateWebhookSecret', { newSecret, overlapSeconds });
const disable = (reason: unknown = 'receiver answered 410 Gone') => command('DisableWebhookEndpoint', { reason });
const enable = () => command('EnableWebhookEndpoint', {});
const remove = (endpointId = ENDPOINT_ID) => command('RemoveWebhookEndpoint', { endpointId });

describe('webhook endpoints of a partner', () => {
  describe('adding one', () => {
    it('adds an endpoint for every event type, or for the listed ones', () => {
      spec.given(registered).when(add()).then([endpointAdded()]);
      const eventTypes = ['org.sooc.enrollment.seat-offered.v1', 'org.sooc.enrollment.offer-accepted.v1'] as const;
      spec
        .given(registered)
        .when(add({ eventTypes, url: ' http://hooks.acme.example:8080/in?x=1 ', description: undefined }))
        .then([
          endpointAdded(ENDPOINT_ID, { eventTypes, url: 'http://hooks.acme.example:8080/in?x=1', description: '' }),
        ]);
    });

    it('refuses every bad field at once, naming each', () => {
      const error = spec
        .given(registered)
        .when(
          add({
            endpointId: '',
            url: 'ftp://hooks.acme.example',
            eventTypes: ['org.sooc.enrollment.seat-offered.v1', 'org.sooc.enrollment.seat-offered.v1', 'nope'],
            description: 'd'.repeat(501),
            secret: 'whsec_c2hvcnQ=',
          }),
        )
        .thenThrows('WEBHOOK_ENDPOINT.ID_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual([
        'endpointId',
        'url',
        'eventTypes[1]',
        'eventTypes[2]',
        'description',
        'secret',
      ]);
    });

    it.each([
      ['credentials in the URL', { url: 'https://user:pw@hooks.acme.example/' }, 'WEBHOOK_ENDPOINT.URL_INVALID'],
      ['a URL with a fragment', { url: 'https://hooks.acme.example/#x' }, 'WEBHOOK_ENDPOINT.URL_INVALID'],
      ['a URL that does not parse', { url: 'https://' }, 'WEBHOOK_ENDPOINT.URL_INVALID'],
      ['an empty list of event types', { eventTypes: [] }, 'WEBHOOK_ENDPOINT.EVENT_TYPES_INVALID'],
      ['an internal event name', { eventTypes: ['SeatOffered'] }, 'WEBHOOK_ENDPOINT.EVENT_TYPES_INVALID'],
      ['a secret without its prefix', { secret: whsec('k').slice(6) }, 'WEBHOOK_ENDPOINT.SECRET_INVALID'],
      [
        'a secret of 16 bytes',
        { secret: `whsec_${Buffer.alloc(16, 1).toString('base64')}` },
        'WEBHOOK_ENDPOINT.SECRET_INVALID',
      ],
    ])('refuses %s', (_case, overrides, code) => {
      spec.given(registered).when(add(overrides)).thenThrows(code, 'validation');
    });

    it('refuses an endpoint for a partner that does not exist', () => {
      spec.given([]).when(add()).thenThrows('PARTNER.NOT_FOUND', 'not-found');
    });

    it('refuses a new endpoint while the partner is suspended', () => {
      spec
        .given([...registered, partnerSuspended()])
        .when(add())
        .thenThrows('PARTNER.SUSPENDED', 'illegal-state');
    });

    it('refuses an eleventh endpoint, and takes one again once one is removed', () => {
      const ten = [...registered, ...Array.from({ length: 10 }, (_, i) => endpointAdded(`ep-${i}`))];
      spec.given(ten).when(add({}, 'ep-10')).thenThrows('WEBHOOK_ENDPOINT.LIMIT_REACHED', 'illegal-state');
      spec
        .given([...ten, endpointEvent('WebhookEndpointRemoved', 'ep-3')])
        .when(add({}, 'ep-10'))
        .then([endpointAdded('ep-10')]);
    });

    it('changes nothing when the same endpoint is added again (a retried request)', () => {
      spec.given(withEndpoint).when(add()).thenNothing();
    });

    it('refuses an id already taken, by a live endpoint or a removed one', () => {
      spec
        .given(withEndpoint)
        .when(add({ url: 'https://elsewhere.example/' }))
        .thenThrows('WEBHOOK_ENDPOINT.ALREADY_EXISTS', 'illegal-state');
      spec
        .given([...withEndpoint, endpointEvent('WebhookEndpointRemoved')])
        .when(add())
        .thenThrows('WEBHOOK_ENDPOINT.ALREADY_EXISTS', 'illegal-state');
    });

    it('refuses a secret another endpoint of the partner signs with', () => {
      spec
        .given(withEndpoint)
        .when(add({ secret: whsec(ENDPOINT_ID) }, 'ep-2'))
        .thenThrows('WEBHOOK_ENDPOINT.SECRET_REUSED', 'validation');
    });
  });

  describe('rotating its secret', () => {
    it('signs with the new secret from now, the old one until the overlap ends', () => {
      spec
        .given(withEndpoint)
        .when(rotate(whsec('new'), 24 * 3600))
        .then([secretRotated(whsec('new'), NOW, inHours(24))]);
    });

    it('accepts an overlap ending now: the old secret stops signing at once', () => {
      spec
        .given(withEndpoint)
        .when(rotate(whsec('new'), 0))
        .then([secretRotated(whsec('new'), NOW, NOW)]);
      spec
        .given(withEndpoint)
        .when(rotate(whsec('new'), 7 * 24 * 3600))
        .then([secretRotated(whsec('new'), NOW, inHours(7 * 24))]);
    });

    it.each([
      ['that is negative', -1],
      ['of more than 7 days', 7 * 24 * 3600 + 1],
      ['that is not whole seconds', 1.5],
      ['that is not a number', '3600'],
    ])('refuses an overlap %s', (_case, overlapSeconds) => {
      spec
        .given(withEndpoint)
        .when(rotate(whsec('new'), overlapSeconds))
        .thenThrows('WEBHOOK_ENDPOINT.OVERLAP_INVALID');
    });

    it('changes nothing when the same rotation is sent again', () => {
      spec
        .given([...withEndpoint, secretRotated(whsec('new'), NOW, inHours(24))])
        .when(rotate(whsec('new'), 48 * 3600))
        .thenNothing();
    });

    it('refuses to rotate back to a secret still in its overlap, or to another endpoint’s secret', () => {
      spec
        .given([...withEndpoint, secretRotated(whsec('new'), NOW, inHours(24))])
        .when(rotate(whsec(ENDPOINT_ID)))
        .thenThrows('WEBHOOK_ENDPOINT.SECRET_REUSED', 'validation');
      spec
        .given([...withEndpoint, endpointAdded('ep-2')])
        .when(rotate(whsec('ep-2')))
        .thenThrows('WEBHOOK_ENDPOINT.SECRET_REUSED', 'validation');
    });

    it('refuses an unknown or removed endpoint', () => {
      spec.given(registered).when(rotate()).thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
      spec
        .given([...withEndpoint, endpointEvent('WebhookEndpointRemoved')])
        .when(rotate())
        .thenThrows('WEBHOOK_ENDPOINT.REMOVED', 'illegal-state');
    });
  });

  describe('disabling it', () => {
    it('disables it with the reason', () => {
      spec.given(withEndpoint).when(disable(' receiver answered 410 Gone ')).then([endpointDisabled()]);
    });

    it('changes nothing when it is disabled already', () => {
      spec
        .given([...withEndpoint, endpointDisabled()])
        .when(disable('again'))
        .thenNothing();
    });

    it('refuses a disabling without a reason', () => {
      spec.given(withEndpoint).when(disable('')).thenThrows('WEBHOOK_ENDPOINT.REASON_INVALID', 'validation');
    });

    it('refuses an unknown endpoint', () => {
      spec.given(registered).when(disable()).thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
    });
  });

  describe('enabling it', () => {
    it('enables a disabled endpoint', () => {
      spec
        .given([...withEndpoint, endpointDisabled()])
        .when(enable())
        .then([endpointEvent('WebhookEndpointEnabled')]);
    });

    it('changes nothing when it is enabled', () => {
      spec.given(withEndpoint).when(enable()).thenNothing();
    });

    it('refuses an unknown or removed endpoint', () => {
      spec.given(registered).when(enable()).thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
      spec
        .given([...withEndpoint, endpointEvent('WebhookEndpointRemoved')])
        .when(enable())
        .thenThrows('WEBHOOK_ENDPOINT.REMOVED', 'illegal-state');
    });
  });

  describe('removing it', () => {
    it('removes it, enabled or disabled, and also while the partner is suspended', () => {
      spec
        .given(withEndpoint)
        .when(remove())
        .then([endpointEvent('WebhookEndpointRemoved')]);
      spec
        .given([...withEndpoint, endpointDisabled(), partnerSuspended()])
        .when(remove())
        .then([endpointEvent('WebhookEndpointRemoved')]);
    });

    it('changes nothing when it is removed already', () => {
      spec
        .given([...withEndpoint, endpointEvent('WebhookEndpointRemoved')])
        .when(remove())
        .thenNothing();
    });

    it('finds no endpoint under a name every object inherits (constructor, toString)', () => {
      spec.given(withEndpoint).when(remove('toString')).thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
      spec
        .given(withEndpoint)
        .when(add({}, 'constructor'))
        .then([endpointAdded('constructor')]);
      spec
        .given([...withEndpoint, endpointAdded('constructor')])
        .when(remove('constructor'))
        .then([endpointEvent('WebhookEndpointRemoved', 'constructor')]);
    });

    it('refuses an unknown endpoint, or a malformed id', () => {
      spec.given(withEndpoint).when(remove('ep-9')).thenThrows('WEBHOOK_ENDPOINT.NOT_FOUND', 'not-found');
      spec.given(withEndpoint).when(remove(' ep-1')).thenThrows('WEBHOOK_ENDPOINT.ID_INVALID', 'validation');
    });
  });
});
