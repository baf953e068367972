import { ArgsType, Field, ID } from '@nestjs/graphql';
import { AsOfInput, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';

@ArgsType()
export class CohortAsOfArgs {
  @Field(() => ID, { description: 'The cohort to show' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => AsOfInput, { description: 'The point of the history to show the cohort at' })
  @ValidateNested()
  @Type(() => AsOfInput)
  at!: AsOfInput;
}
