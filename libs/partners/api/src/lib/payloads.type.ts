import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, WritePayload } from '@sooc/graphql';
import { Partner, WebhookEndpoint, WebhookReplay } from './partner.type';

const SECRET_ONCE =
  'The signing secret (`whsec_` + base64 of 32 random bytes), for verifying the `webhook-signature` header. It is ' +
  'returned here and nowhere else, never again: keep it now (a lost secret is replaced with rotateWebhookSecret)';

/** What each partner mutation answers; each gets its own named type below. */
@ObjectType({ isAbstract: true })
export abstract class PartnerPayload extends WritePayload {
  @Field(() => Partner, { description: 'The partner as the write left it, answered at once' })
  partner!: Partner;
}

@ObjectType({ description: 'The partner registered' })
export class RegisterPartnerPayload extends PartnerPayload {}

@ObjectType({ description: 'The partner, now suspended' })
export class SuspendPartnerPayload extends PartnerPayload {}

@ObjectType({ description: 'The partner, active again' })
export class ResumePartnerPayload extends PartnerPayload {}

/** What each endpoint mutation answers. */
@ObjectType({ isAbstract: true })
export abstract class WebhookEndpointPayload extends WritePayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint as the write left it, answered at once' })
  endpoint!: WebhookEndpoint;
}

@ObjectType({ description: 'The endpoint added, and its signing secret (the only time it is shown)' })
export class AddWebhookEndpointPayload extends WebhookEndpointPayload {
  @Field({ description: SECRET_ONCE })
  secret!: string;
}

@ObjectType({ description: 'The endpoint with its new signing secret (the only time it is shown)' })
export class RotateWebhookSecretPayload extends WebhookEndpointPayload {
  @Field({ description: SECRET_ONCE })
  secret!: string;

  @Field(() => DateTimeScalar, {
    description: 'Until when the previous secret keeps signing beside the new one (now, for an overlap of 0)',
  })
  previousSecretValidUntil!: string;
}

@ObjectType({ description: 'The endpoint, now disabled' })
export class DisableWebhookEndpointPayload extends WebhookEndpointPayload {}

@ObjectType({ description: 'The endpoint, enabled again' })
export class EnableWebhookEndpointPayload extends WebhookEndpointPayload {}

@ObjectType({ description: 'The endpoint, now removed' })
export class RemoveWebhookEndpointPayload extends WebhookEndpointPayload {}

@ObjectType({ description: 'The replay requested; the feed re-sends the messages in the background' })
export class ReplayWebhookDeliveriesPayload extends WebhookEndpointPayload {
  @Field(() => WebhookReplay, { description: 'What will be re-sent' })
  replay!: WebhookReplay;
}
