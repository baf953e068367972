import type { Decider } from '@sooc/event-sourcing';
import type { PartnerCommand } from './partner.commands';
import { registerPartner, resumePartner, suspendPartner } from './partner.decide';
import type { PartnerEvent } from './partner.events';
import { evolvePartner } from './partner.evolve';
import type { PartnerState } from './partner.state';
import {
  addWebhookEndpoint,
  disableWebhookEndpoint,
  enableWebhookEndpoint,
  removeWebhookEndpoint,
  rotateWebhookSecret,
} from './webhook-endpoint.decide';
import { replayWebhookDeliveries } from './webhook-replay.decide';

export function decidePartner(command: PartnerCommand, state: PartnerState): readonly PartnerEvent[] {
  switch (command.type) {
    case 'RegisterPartner':
      return registerPartner(command, state);
    case 'SuspendPartner':
      return suspendPartner(command, state);
    case 'ResumePartner':
      return resumePartner(command, state);
    case 'AddWebhookEndpoint':
      return addWebhookEndpoint(command, state);
    case 'RotateWebhookSecret':
      return rotateWebhookSecret(command, state);
    case 'DisableWebhookEndpoint':
      return disableWebhookEndpoint(command, state);
    case 'EnableWebhookEndpoint':
      return enableWebhookEndpoint(command, state);
    case 'RemoveWebhookEndpoint':
      return removeWebhookEndpoint(command, state);
    case 'ReplayWebhookDeliveries':
      return replayWebhookDeliveries(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown partner command ${String((unknown as PartnerCommand).type)}`);
    }
  }
}

/** A partner company (`partner-<id>`): its registration, its status and its webhook endpoints. */
export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  decide: decidePartner,
  evolve: evolvePartner,
  initialState: () => ({ status: 'none' }),
};
