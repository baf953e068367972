import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { Decision } from './enums';
import { ApplicationRefInput } from '@sooc/graphql';

/** The decider is whoever makes the request; the decision record is taken at that moment. */
@InputType({
  description: 'Admits, waitlists or rejects a reviewed application (admins); the caller is recorded as the decider',
})
export class DecideApplicationInput extends ApplicationRefInput {
  @Field(() => Decision, { description: 'ADMIT offers a seat, WAITLIST queues the application, REJECT ends it' })
  @IsEnum(Decision)
  decision!: Decision;

  @Field({ description: 'Why: kept with the decision for the applicant and for audits' })
  @IsString()
  reason!: string;
}
