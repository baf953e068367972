import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { ApplicationWindowInput } from './application-window.input';
import { DATE_MESSAGE, DATE_PATTERN } from './input-formats';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType()
export class PlanCohortInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `courseId ${ID_MESSAGE}` })
  courseId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Omit it and the server generates a UUID; give one to make a retry safe',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId?: string | null;

  @Field()
  @IsString()
  title!: string;

  @Field(() => Int, { description: '2..500; outside 10..100 the plan is accepted with a warning' })
  @IsInt()
  capacity!: number;

  @Field(() => ApplicationWindowInput)
  @ValidateNested()
  @Type(() => ApplicationWindowInput)
  applicationWindow!: ApplicationWindowInput;

  @Field({ description: 'First day, YYYY-MM-DD' })
  @Matches(DATE_PATTERN, { message: `startsOn ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'startsOn is not a real date' })
  startsOn!: string;

  @Field({ description: 'Last day, YYYY-MM-DD' })
  @Matches(DATE_PATTERN, { message: `endsOn ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'endsOn is not a real date' })
  endsOn!: string;
}
