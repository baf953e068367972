import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { CohortQueryArgs, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_WAITLIST_PAGE = 1_000;

@ArgsType()
export class CohortDashboardArgs extends CohortQueryArgs {
  @Field(() => Int, { defaultValue: 100, description: `How many waitlist entries to list, 1..${MAX_WAITLIST_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_WAITLIST_PAGE)
  waitlistFirst!: number;
}

@ArgsType()
export class FormGroupsArgs {
  @Field(() => ID, { description: 'The cohort whose confirmed learners are grouped' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Learners per group; omit it for the cohort's targetGroupSize setting",
  })
  @IsOptional()
  @IsInt()
  targetSize?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same seed over the same learners gives the same groups; omit it for a random one',
  })
  @IsOptional()
  @IsString()
  seed?: string | null;
}
