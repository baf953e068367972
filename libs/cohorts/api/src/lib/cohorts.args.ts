import { ArgsType, Field, Int } from '@nestjs/graphql';
import { PositionScalar } from '@sooc/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CohortStatus } from './enums';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class CohortsArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1..${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => CohortStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CohortStatus)
  status?: CohortStatus | null;

  @Field(() => PositionScalar, {
    nullable: true,
    description:
      "Wait until the read model reflects this position (read-your-writes); a position past the store's head is refused at once with READ_MODEL.POSITION_AHEAD",
  })
  @IsOptional()
  consistentWith?: bigint | null;
}
