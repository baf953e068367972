import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PositionScalar } from '@sooc/graphql';
import { IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;
}

@ArgsType()
export class CohortArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @Field(() => PositionScalar, {
    nullable: true,
    description:
      "Wait until the read model reflects this position (read-your-writes); a position past the store's head is refused at once with READ_MODEL.POSITION_AHEAD",
  })
  @IsOptional()
  consistentWith?: bigint | null;
}
