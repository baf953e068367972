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

  @Field(() => Int, {
    defaultValue: 0,
    description:
      'List the waitlist entries after this position (0: from the first): with waitlistFirst, pages through a ' +
      `waitlist longer than ${MAX_WAITLIST_PAGE}; waitlistLength tells how many there are`,
  })
  @IsInt()
  @Min(0)
  waitlistAfter!: number;
}
