import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ConsistentArgs } from '@sooc/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CohortStatus } from './enums';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class CohortsArgs extends ConsistentArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1..${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => CohortStatus, { nullable: true, description: 'Only cohorts in this status; omit it for all' })
  @IsOptional()
  @IsEnum(CohortStatus)
  status?: CohortStatus | null;
}
