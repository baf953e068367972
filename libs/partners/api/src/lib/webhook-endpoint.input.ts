import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar, ID_MESSAGE, ID_PATTERN, PositionScalar } from '@sooc/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PartnerCommandInput } from './partner-commands.input';

/** Seven days: the longest a rotated-out secret keeps signing (the domain's limit, said in the schema). */
export const OVERLAP_SECONDS_MAX = 7 * 24 * 60 * 60;
export const OVERLAP_SECONDS_DEFAULT = 24 * 60 * 60;

/** Every endpoint command names its partner and endpoint. */
@InputType({ isAbstract: true })
export abstract class WebhookEndpointCommandInput extends PartnerCommandInput {
  @Field(() => ID, { description: 'The endpoint (WebhookEndpoint.endpointId)' })
  @Matches(ID_PATTERN, { message: `endpointId ${ID_MESSAGE}` })
  endpointId!: string;
}

@InputType({
  description:
    'Adds a webhook endpoint to a partner (admins; a partner for itself). Its URL is checked after DNS resolution: ' +
    'https only in production, and no loopback, private, link-local or metadata address',
})
export class AddWebhookEndpointInput extends PartnerCommandInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'An id of your choosing, or a UUID made when omitted. Ids are never reused: adding one that exists is ' +
      'WEBHOOK_ENDPOINT.ALREADY_EXISTS (after a lost answer, rotate its secret to get one)',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `endpointId ${ID_MESSAGE}` })
  endpointId?: string | null;

  @Field({ description: 'Where the messages are POSTed: an http(s) URL without credentials or fragment' })
  @IsString()
  url!: string;

  @Field(() => [String], {
    defaultValue: [],
    description:
      'The CloudEvents types the endpoint receives (`org.sooc.enrollment.seat-offered.v1`, …); empty for every type, ' +
      'including those added later',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes!: string[];

  @Field({ defaultValue: '', description: 'What the endpoint is for, at most 500 characters' })
  @IsString()
  description!: string;
}

@InputType({
  description:
    'Gives the endpoint a new signing secret; the previous one keeps signing beside it for the overlap (admins; a ' +
    'partner for itself)',
})
export class RotateWebhookSecretInput extends WebhookEndpointCommandInput {
  @Field(() => Int, {
    defaultValue: OVERLAP_SECONDS_DEFAULT,
    description:
      `How long the previous secret keeps signing, in seconds: 0 (at once, after a leak) to ${OVERLAP_SECONDS_MAX} ` +
      `(7 days); ${OVERLAP_SECONDS_DEFAULT} by default`,
  })
  @IsInt()
  @Min(0)
  @Max(OVERLAP_SECONDS_MAX)
  overlapSeconds!: number;
}

@InputType({ description: 'Stops deliveries to the endpoint until it is enabled (admins; a partner for itself)' })
export class DisableWebhookEndpointInput extends WebhookEndpointCommandInput {
  @Field({ description: 'Why, 1 to 500 characters; shown with the endpoint' })
  @IsString()
  reason!: string;
}

@InputType({ description: 'Resumes deliveries to a disabled endpoint (admins; a partner for itself)' })
export class EnableWebhookEndpointInput extends WebhookEndpointCommandInput {}

@InputType({
  description: 'Removes the endpoint for good; its id stays taken (admins; a partner for itself)',
})
export class RemoveWebhookEndpointInput extends WebhookEndpointCommandInput {}

@InputType({
  description:
    'Re-sends the endpoint’s messages from a position or an instant on (exactly one), with their original ' +
    '`webhook-id`s (admins; a partner for itself)',
})
export class ReplayWebhookDeliveriesInput extends WebhookEndpointCommandInput {
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Re-send the messages of events from this position on (a mutation’s or the feed’s `position`)',
  })
  @IsOptional()
  fromPosition?: bigint | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Re-send the messages of events since this instant' })
  @IsOptional()
  fromTime?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An id of your choosing (send the same again to retry safely); a UUID is made when omitted',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `replayId ${ID_MESSAGE}` })
  replayId?: string | null;
}
