import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, ID_MESSAGE, ID_PATTERN, PageInfo, PositionScalar } from '@sooc/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

export const MAX_FEED_PAGE = 500;

@ObjectType({
  description:
    'One event of a partner company’s feed, as a CloudEvents 1.0 JSON event: the same id, type and data as its webhook. The learner is named only with their consent',
})
export class PartnerEvent {
  @Field({ description: 'The event’s id: the same in the feed, in every webhook delivery (`webhook-id`) and replay' })
  id!: string;

  @Field({ description: 'The context that recorded it, e.g. /sooc/enrollment' })
  source!: string;

  @Field({
    description:
      'The versioned type, e.g. org.sooc.enrollment.seat-offered.v1 (docs/PARTNERS.md; JSON Schema at /schemas/partners/<type>.json)',
  })
  type!: string;

  @Field(() => String, { nullable: true, description: 'cohort/<cohortId>: deliveries are ordered per subject' })
  subject!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it happened' })
  time!: string;

  @Field({ description: 'Always application/json' })
  datacontenttype!: string;

  @Field(() => GraphQLJSONObject, { description: 'The event’s data, as in its JSON Schema' })
  data!: Record<string, unknown>;
}

@ObjectType({ description: 'One event of the feed, with the cursor to resume after it' })
export class PartnerEventEdge {
  @Field({ description: 'Opaque; pass it as `after` to continue after this event (also to `partnerEventStream`)' })
  cursor!: string;

  @Field(() => PartnerEvent, { description: 'The event itself' })
  node!: PartnerEvent;
}

@ObjectType({ description: 'A page of a partner company’s feed, oldest first' })
export class PartnerEventConnection {
  @Field(() => [PartnerEventEdge], { description: 'This page’s events, oldest first; empty at the end of the feed' })
  edges!: PartnerEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow now, and the cursor to resume after this page' })
  pageInfo!: PageInfo;
}

@ArgsType()
export class PartnerFeedArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The company whose feed to read; a partner token reads its own company’s (omit it); admins name one',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Resume after this cursor; omit to start from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ArgsType()
export class PartnerEventsArgs extends PartnerFeedArgs {
  @Field(() => Int, { defaultValue: 50, description: `How many events, 1..${MAX_FEED_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_PAGE)
  first!: number;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'parked', 'cancelled'] as const;

@ObjectType({ description: 'One try of one webhook message' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1 for the first try' })
  attempt!: number;

  @Field(() => DateTimeScalar, { description: 'When the try was made' })
  at!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status the receiver answered; null when it did not answer',
  })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why nothing came back (connection refused, timeout, …)' })
  error!: string | null;

  @Field(() => Int, { description: 'Milliseconds from the request to the answer or the failure' })
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: 'The first bytes of the answer' })
  response!: string | null;
}

@ObjectType({ description: 'One event sent to one endpoint: its attempts and where it stands' })
export class WebhookDelivery {
  @Field({ description: 'The event’s id (`webhook-id`)' })
  eventId!: string;

  @Field(() => PositionScalar, {
    description:
      'The event’s position: pass it as replayWebhookDeliveries’ `fromPosition` to re-send from this message on',
  })
  position!: bigint;

  @Field({ description: 'Its CloudEvents type' })
  type!: string;

  @Field(() => ID, { description: 'The cohort it is ordered with' })
  cohortId!: string;

  @Field(() => Int, { description: '0 for the first sending, then one more per replay that included it' })
  generation!: number;

  @Field({
    description:
      'pending (a try is due at nextAttemptAt), delivered, parked (the schedule is spent), cancelled (endpoint removed)',
  })
  status!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next try is due; null unless pending' })
  nextAttemptAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a try was answered 2xx; null until then' })
  deliveredAt!: string | null;

  @Field(() => [WebhookAttempt], { description: 'Every try so far, the first first' })
  attempts!: WebhookAttempt[];
}

@ObjectType({ description: 'A page of an endpoint’s delivery log, newest first' })
export class WebhookDeliveryLog {
  @Field(() => [WebhookDelivery], { description: 'This page’s messages, newest first' })
  nodes!: WebhookDelivery[];

  @Field(() => PageInfo, { description: 'Whether older messages follow, and the cursor to ask for them' })
  pageInfo!: PageInfo;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID, { description: 'The partner whose endpoint it is' })
  @Matches(ID_PATTERN, { message: `partnerId ${ID_MESSAGE}` })
  partnerId!: string;

  @Field(() => ID, { description: 'The endpoint' })
  @Matches(ID_PATTERN, { message: `endpointId ${ID_MESSAGE}` })
  endpointId!: string;

  @Field(() => String, { nullable: true, description: `Only messages in this state: ${DELIVERY_STATUSES.join(', ')}` })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'How many, 1..200' })
  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}
