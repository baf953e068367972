import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArgPipe, MUTATION_INPUT } from '@sooc/graphql';
import { CommandRunner, RequestContext } from '@sooc/nest';
import {
  findEndpoint,
  partnerDecider,
  partnerStream,
  type PartnerCommand,
  type PartnerFeedEventType,
  type PartnerState,
} from '@sooc/partners-domain';
import { checkWebhookUrl } from '@sooc/partners-feed';
import type { CommandResult } from '@sooc/event-sourcing';
import type { PartnerEvent } from '@sooc/partners-domain/published';
import { requireOwnPartner } from './own-partner.policy';
import { WEBHOOK_URL_SETTINGS, type WebhookUrlSettings } from './webhook-url-settings.module';
import { endpointOf } from './partner.mapper';
import { WebhookEndpoint } from './partner.type';
import {
  AddWebhookEndpointPayload,
  DisableWebhookEndpointPayload,
  EnableWebhookEndpointPayload,
  RemoveWebhookEndpointPayload,
  ReplayWebhookDeliveriesPayload,
  RotateWebhookSecretPayload,
  WebhookEndpointPayload,
} from './payloads.type';
import {
  AddWebhookEndpointInput,
  DisableWebhookEndpointInput,
  EnableWebhookEndpointInput,
  RemoveWebhookEndpointInput,
  ReplayWebhookDeliveriesInput,
  RotateWebhookSecretInput,
} from './webhook-endpoint.input';

/** Standard Webhooks: `whsec_` + base64 of a random key; 32 bytes, as HMAC-SHA256's own block of output. */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

type EndpointCommand = Omit<PartnerCommand, 'metadata'> & { readonly data: { readonly endpointId: string } };

/**
 * A partner's webhook endpoints. Admins act on any partner, a partner token on its own (see
 * own-partner.policy.ts); secrets are made here, since a decider draws no randomness, and shown
 * only in the answer of the mutation that made them.
 */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(WEBHOOK_URL_SETTINGS) private readonly urls: WebhookUrlSettings,
  ) {}

  @Mutation(() => AddWebhookEndpointPayload, {
    description:
      'Adds a webhook endpoint and answers its signing secret, the only time it is shown. The URL is refused ' +
      '(WEBHOOK_ENDPOINT.URL_REFUSED, naming the kind and the address) when it is not https in production or its ' +
      'host resolves to a loopback, private, link-local or metadata address',
  })
  async addWebhookEndpoint(
    @Args('input', MUTATION_INPUT) { partnerId, endpointId, url, eventTypes, description }: AddWebhookEndpointInput,
  ): Promise<AddWebhookEndpointPayload> {
    await this.forOwnPartner(partnerId, 'addWebhookEndpoint');
    await checkWebhookUrl(url, this.urls);
    const secret = newWebhookSecret();
    const types = eventTypes.length === 0 ? 'all' : (eventTypes as PartnerFeedEventType[]);
    const command = { partnerId, endpointId: endpointId ?? randomUUID(), url, eventTypes: types, description, secret };
    const payload = await this.write({ type: 'AddWebhookEndpoint', data: command });
    return { ...payload, secret };
  }

  @Query(() => [WebhookEndpoint], {
    description:
      "A partner's webhook endpoints as they stand now, removed ones included: each one's status and, while it is " +
      'disabled, why (by hand, a 410 Gone from the receiver, or deliveries failing past the configured time). No secrets',
  })
  async webhookEndpoints(
    @Args('partnerId', { type: () => ID, description: 'The partner' }, new IdArgPipe('partnerId')) partnerId: string,
  ): Promise<WebhookEndpoint[]> {
    await this.forOwnPartner(partnerId, 'webhookEndpoints');
    const state = await this.commands.load(partnerDecider, partnerStream(partnerId));
    if (state.status === 'none') return [];
    return Object.keys(state.endpoints)
      .sort()
      .map((endpointId) => endpointOf(state, endpointId));
  }

  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Gives the endpoint a new signing secret, answered once; messages are signed with both secrets until ' +
      '`previousSecretValidUntil`, then with the new one only',
  })
  async rotateWebhookSecret(
    @Args('input', MUTATION_INPUT) { partnerId, endpointId, overlapSeconds }: RotateWebhookSecretInput,
  ): Promise<RotateWebhookSecretPayload> {
    await this.forOwnPartner(partnerId, 'rotateWebhookSecret');
    const newSecret = newWebhookSecret();
    const result = await this.run({
      type: 'RotateWebhookSecret',
      data: { partnerId, endpointId, newSecret, overlapSeconds },
    });
    const rotated = result.events.find((e) => e.type === 'WebhookSecretRotated');
    if (!rotated) throw new Error('A rotation to a new secret decided nothing');
    return {
      ...this.payload(result, endpointId),
      secret: newSecret,
      previousSecretValidUntil: rotated.data.previousSecretValidUntil,
    };
  }

  @Mutation(() => DisableWebhookEndpointPayload, {
    description: 'Stops deliveries to the endpoint (they wait) until it is enabled; a disabled one is left as it is',
  })
  async disableWebhookEndpoint(
    @Args('input', MUTATION_INPUT) { partnerId, endpointId, reason }: DisableWebhookEndpointInput,
  ): Promise<DisableWebhookEndpointPayload> {
    await this.forOwnPartner(partnerId, 'disableWebhookEndpoint');
    return this.write({ type: 'DisableWebhookEndpoint', data: { partnerId, endpointId, reason } });
  }

  @Mutation(() => EnableWebhookEndpointPayload, {
    description: 'Resumes deliveries to a disabled endpoint; an enabled one is left as it is',
  })
  async enableWebhookEndpoint(
    @Args('input', MUTATION_INPUT) { partnerId, endpointId }: EnableWebhookEndpointInput,
  ): Promise<EnableWebhookEndpointPayload> {
    await this.forOwnPartner(partnerId, 'enableWebhookEndpoint');
    return this.write({ type: 'EnableWebhookEndpoint', data: { partnerId, endpointId } });
  }

  @Mutation(() => RemoveWebhookEndpointPayload, {
    description: 'Removes the endpoint for good: nothing more is delivered to it, and its id stays taken',
  })
  async removeWebhookEndpoint(
    @Args('input', MUTATION_INPUT) { partnerId, endpointId }: RemoveWebhookEndpointInput,
  ): Promise<RemoveWebhookEndpointPayload> {
    await this.forOwnPartner(partnerId, 'removeWebhookEndpoint');
    return this.write({ type: 'RemoveWebhookEndpoint', data: { partnerId, endpointId } });
  }

  @Mutation(() => ReplayWebhookDeliveriesPayload, {
    description:
      'Asks the feed to re-send the endpoint’s messages from a position or an instant on (give exactly one), ' +
      'with their original `webhook-id`s so a receiver can drop what it already has',
  })
  async replayWebhookDeliveries(
    @Args('input', MUTATION_INPUT) input: ReplayWebhookDeliveriesInput,
  ): Promise<ReplayWebhookDeliveriesPayload> {
    const { partnerId, endpointId } = input;
    await this.forOwnPartner(partnerId, 'replayWebhookDeliveries');
    const replayId = input.replayId ?? randomUUID();
    const fromPosition = input.fromPosition == null ? null : input.fromPosition.toString();
    const fromTime = input.fromTime ?? null;
    const result = await this.run({
      type: 'ReplayWebhookDeliveries',
      data: { partnerId, endpointId, fromPosition, fromTime, replayId },
    });
    // A repeat of the same request wrote nothing: the endpoint's state holds the replay it repeats.
    const replay = result.state.status === 'none' ? null : findEndpoint(result.state, endpointId)?.lastReplay;
    if (!replay) throw new Error('A replay was decided but the endpoint does not hold it');
    return {
      ...this.payload(result, endpointId),
      replay: {
        replayId: replay.replayId,
        endpointId,
        fromPosition: replay.fromPosition === null ? null : BigInt(replay.fromPosition),
        fromTime: replay.fromTime,
      },
    };
  }

  private forOwnPartner(partnerId: string, operation: string): Promise<void> {
    return requireOwnPartner(this.commands, RequestContext.current().principal, partnerId, operation);
  }

  private run(command: EndpointCommand): Promise<CommandResult<PartnerEvent, PartnerState>> {
    return this.commands.run(partnerDecider, partnerStream(command.data.partnerId), command as PartnerCommand);
  }

  private async write(command: EndpointCommand): Promise<WebhookEndpointPayload> {
    return this.payload(await this.run(command), command.data.endpointId);
  }

  private payload(result: CommandResult<PartnerEvent, PartnerState>, endpointId: string): WebhookEndpointPayload {
    return { endpoint: endpointOf(result.state, endpointId), position: result.position };
  }
}
