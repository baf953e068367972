import { Field, ID, InputType } from '@nestjs/graphql';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { IsString, Matches } from 'class-validator';

/** Every partner command names its partner the same way, with the same check. */
@InputType({ isAbstract: true })
export abstract class PartnerCommandInput {
  @Field(() => ID, { description: "The partner's own id (Partner.partnerId)" })
  @Matches(ID_PATTERN, { message: `partnerId ${ID_MESSAGE}` })
  partnerId!: string;
}

@InputType({
  description: 'Registers a partner company: it receives the feed of its employees’ enrollments (admins)',
})
export class RegisterPartnerInput extends PartnerCommandInput {
  @Field(() => ID, {
    description: 'The company it speaks for: the `companyId` of its employees’ applications and of its partner tokens',
  })
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId!: string;

  @Field({ description: 'Its name as people read it, 2 to 200 characters' })
  @IsString()
  name!: string;

  @Field({ description: 'An e-mail address to reach whoever runs the integration at the company' })
  @IsString()
  contact!: string;
}

@InputType({ description: 'Stops the partner’s feed and webhooks until it is resumed (admins)' })
export class SuspendPartnerInput extends PartnerCommandInput {
  @Field({ description: 'Why, 1 to 500 characters; the partner sees it' })
  @IsString()
  reason!: string;
}

@InputType({ description: 'Resumes a suspended partner’s feed and webhooks (admins)' })
export class ResumePartnerInput extends PartnerCommandInput {
  @Field({ description: 'Why, 1 to 500 characters; kept in the history' })
  @IsString()
  reason!: string;
}
