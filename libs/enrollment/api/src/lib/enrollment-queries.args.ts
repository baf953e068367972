import { ApplicationRefInput } from '@sooc/graphql';
import { ArgsType, Field, ID, Int, IntersectionType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ApplicationSort, ApplicationStatus } from './enums';
import { CohortQueryArgs, ConsistentArgs, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

export const MAX_PAGE_SIZE = 100;

/** A page of applications in a list: how many, and after which cursor. */
@ArgsType()
export class ApplicationPageArgs extends ConsistentArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1..${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of the previous page (with the same sort)',
  })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class ApplicationsArgs extends IntersectionType(CohortQueryArgs, ApplicationPageArgs, ArgsType) {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this status; omit it for all' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus | null;

  @Field(() => ApplicationSort, { defaultValue: ApplicationSort.ARRIVAL, description: 'The order of the list' })
  @IsEnum(ApplicationSort)
  sort!: ApplicationSort;
}

@ArgsType()
export class ApplicationArgs extends IntersectionType(ApplicationRefInput, ConsistentArgs, ArgsType) {}

@ArgsType()
export class LearnerEnrollmentsArgs extends ApplicationPageArgs {
  @Field(() => ID, { description: 'The learner whose applications to list' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;
}
