import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Matches } from 'class-validator';
import { Decision } from './enums';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

/** The decider is whoever makes the request; the decision record is taken at that moment. */
@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;

  @Field(() => Decision)
  @IsEnum(Decision)
  decision!: Decision;

  @Field({ description: 'Why: kept with the decision for the applicant and for audits' })
  @IsString()
  reason!: string;
}
