import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { Matches } from 'class-validator';

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;
}
