import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { ApplicationWindowInput } from './application-window.input';
import { DateScalar, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType({ description: 'A new cohort of a course: its seats, when applications are taken, and its dates' })
export class PlanCohortInput {
  @Field(() => ID, { description: 'The course this cohort is a session of (Course.courseId)' })
  @Matches(ID_PATTERN, { message: `courseId ${ID_MESSAGE}` })
  courseId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Omit it and the server generates a UUID; give one to make a retry safe',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId?: string | null;

  @Field({ description: 'Name of this session, up to 200 characters' })
  @IsString()
  title!: string;

  @Field(() => Int, { description: '2..500; outside 10..100 the plan is accepted with a warning' })
  @IsInt()
  capacity!: number;

  @Field(() => ApplicationWindowInput, { description: 'When applications are taken, half-open [opensAt, closesAt)' })
  @ValidateNested()
  @Type(() => ApplicationWindowInput)
  applicationWindow!: ApplicationWindowInput;

  // The Date scalar has checked the day exists; the pipe only needs to know the field.
  @Field(() => DateScalar, { description: 'First day' })
  @IsString()
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day' })
  @IsString()
  endsOn!: string;
}
