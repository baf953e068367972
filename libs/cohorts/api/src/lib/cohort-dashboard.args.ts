import { ArgsType, Field, Int } from '@nestjs/graphql';
import { CohortQueryArgs } from '@sooc/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_WAITLIST_PAGE = 1_000;

@ArgsType()
export class CohortDashboardArgs extends CohortQueryArgs {
  @Field(() => Int, { defaultValue: 100, description: `How many waitlist entries to list, 1..${MAX_WAITLIST_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_WAITLIST_PAGE)
  waitlistFirst!: number;
}
