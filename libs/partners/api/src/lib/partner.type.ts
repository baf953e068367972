import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar, PositionScalar } from '@sooc/graphql';

export enum PartnerStatus {
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
}
registerEnumType(PartnerStatus, {
  name: 'PartnerStatus',
  description: 'Whether the partner receives its feed',
  valuesMap: {
    ACTIVE: { description: 'Its endpoints receive their messages' },
    SUSPENDED: { description: 'Nothing is delivered, and it cannot add endpoints, until it is resumed' },
  },
});

export enum WebhookEndpointStatus {
  ENABLED = 'enabled',
  DISABLED = 'disabled',
  REMOVED = 'removed',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: 'Whether an endpoint receives messages',
  valuesMap: {
    ENABLED: { description: 'Messages are delivered' },
    DISABLED: { description: 'Messages wait until it is enabled again; `disabledReason` says why' },
    REMOVED: { description: 'Gone for good; its id stays taken' },
  },
});

@ObjectType({ description: 'A company that receives the feed of its employees’ enrollments' })
export class Partner {
  @Field(() => ID, { description: "The partner's own id, which mutations take" })
  partnerId!: string;

  @Field(() => ID, { description: 'The company it speaks for (its partner tokens carry the same company)' })
  companyId!: string;

  @Field({ description: 'Its name' })
  name!: string;

  @Field({ description: 'Who runs the integration at the company (an e-mail address)' })
  contact!: string;

  @Field(() => PartnerStatus, { description: 'Whether it receives its feed' })
  status!: PartnerStatus;

  @Field(() => String, { nullable: true, description: 'Why it is suspended, while it is' })
  suspendedReason!: string | null;
}

@ObjectType({ description: 'Where a partner receives its messages, signed per the Standard Webhooks scheme' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The partner it belongs to' })
  partnerId!: string;

  @Field(() => ID, { description: "The endpoint's own id, which mutations take" })
  endpointId!: string;

  @Field({ description: 'Where the messages are POSTed' })
  url!: string;

  @Field(() => [String], { description: 'The CloudEvents types it receives; empty for every type' })
  eventTypes!: string[];

  @Field({ description: 'What it is for' })
  description!: string;

  @Field(() => WebhookEndpointStatus, { description: 'Whether it receives messages' })
  status!: WebhookEndpointStatus;

  @Field(() => String, { nullable: true, description: 'Why it is disabled, while it is' })
  disabledReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Until when the secret replaced by the last rotation keeps signing beside the current one (both sign until ' +
      'then; an instant past means the current secret alone signs); null before any rotation',
  })
  rotationOverlapUntil!: string | null;
}

@ObjectType({ description: 'A replay of an endpoint’s messages, as requested: the feed re-sends them' })
export class WebhookReplay {
  @Field(() => ID, { description: 'The id of this request' })
  replayId!: string;

  @Field(() => ID, { description: 'The endpoint whose messages are re-sent' })
  endpointId!: string;

  @Field(() => PositionScalar, { nullable: true, description: 'From this position on, when given as a position' })
  fromPosition!: bigint | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Since this instant, when given as an instant' })
  fromTime!: string | null;
}
