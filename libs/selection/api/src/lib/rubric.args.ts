import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ID_MESSAGE, ID_PATTERN, PositionScalar } from '@sooc/graphql';
import { IsOptional, Matches } from 'class-validator';

@ArgsType()
export class RubricArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => PositionScalar, {
    nullable: true,
    description:
      "Wait until the read model reflects this position (read-your-writes); a position past the store's head is refused at once with READ_MODEL.POSITION_AHEAD",
  })
  @IsOptional()
  consistentWith?: bigint | null;
}
