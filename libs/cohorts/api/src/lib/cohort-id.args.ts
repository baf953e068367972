import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConsistentArgs, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { Matches } from 'class-validator';

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;
}

@ArgsType()
export class CohortArgs extends ConsistentArgs {
  @Field(() => ID, { description: "The cohort's id" })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}
