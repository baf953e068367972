import { fold } from '@sooc/event-sourcing';
import {
  endpointAdded,
  endpointDisabled,
  endpointEvent,
  ENDPOINT_ID,
  partnerRegistered,
  partnerSuspended,
  secretRotated,
  whsec,
} from '../testing/partner.fixture';
import { partnerDecider } from './partner.decider';
import type { PartnerEvent } from './partner.events';
import { deliverableEndpoint, signingSecrets, type PartnerState } from './partner.state';

const at = (time: string) => new Date(`2026-03-03T${time}:00.000Z`);
const iso = (time: string) => at(time).toISOString();
const secretsAt = (events: readonly PartnerEvent[], time: string) => {
  const state = fold(partnerDecider, events) as Extract<PartnerState, { status: 'active' }>;
  return signingSecrets(state.endpoints[ENDPOINT_ID], at(time));
};
const added = [partnerRegistered(), endpointAdded()];
const OLD = whsec(ENDPOINT_ID);

describe('the secrets that sign an endpoint’s messages', () => {
  it('are the endpoint’s secret alone before any rotation', () => {
    expect(secretsAt(added, '09:00')).toEqual([OLD]);
  });

  it('are the new and the old secret during the overlap, the new one only after it', () => {
    const rotated = [...added, secretRotated(whsec('new'), iso('09:00'), iso('10:00'))];
    expect(secretsAt(rotated, '09:59')).toEqual([whsec('new'), OLD]);
    expect(secretsAt(rotated, '10:00')).toEqual([whsec('new')]);
  });

  it('lose every old secret at once after a rotation without overlap (a leak)', () => {
    const rotated = [
      ...added,
      secretRotated(whsec('new'), iso('09:00'), iso('12:00')),
      secretRotated(whsec('newer'), iso('09:30'), iso('09:30')),
    ];
    expect(secretsAt(rotated, '09:30')).toEqual([whsec('newer')]);
  });

  it('keep an older secret no longer than the latest overlap', () => {
    const rotated = [
      ...added,
      secretRotated(whsec('new'), iso('09:00'), iso('12:00')),
      secretRotated(whsec('newer'), iso('09:30'), iso('10:00')),
    ];
    expect(secretsAt(rotated, '09:45')).toEqual([whsec('newer'), whsec('new'), OLD]);
    expect(secretsAt(rotated, '10:00')).toEqual([whsec('newer')]);
  });
});

describe('the endpoint messages may go to', () => {
  const deliverable = (events: readonly PartnerEvent[]) =>
    deliverableEndpoint(fold(partnerDecider, events), ENDPOINT_ID)?.endpointId ?? null;

  it('is an enabled endpoint of an active partner', () => {
    expect(deliverable(added)).toBe(ENDPOINT_ID);
  });

  it('is none once the endpoint is disabled, until it is enabled again', () => {
    expect(deliverable([...added, endpointDisabled()])).toBeNull();
    expect(deliverable([...added, endpointDisabled(), endpointEvent('WebhookEndpointEnabled')])).toBe(ENDPOINT_ID);
  });

  it('is none for a removed endpoint, a suspended partner, or an endpoint the partner never had', () => {
    expect(deliverable([...added, endpointEvent('WebhookEndpointRemoved')])).toBeNull();
    expect(deliverable([...added, partnerSuspended()])).toBeNull();
    expect(deliverableEndpoint(fold(partnerDecider, added), 'ep-other')).toBeUndefined();
    expect(deliverableEndpoint(fold(partnerDecider, []), ENDPOINT_ID)).toBeUndefined();
  });
});
