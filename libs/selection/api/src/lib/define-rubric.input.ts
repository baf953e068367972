import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsString, Matches, ValidateNested } from 'class-validator';
import { LIST_CAP } from './input-formats';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType({ description: 'One thing reviewers score, 0..5, and how much it counts' })
export class CriterionInput {
  @Field(() => ID, { description: 'Stable key reviewers score against, e.g. "motivation"' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @Field({ description: 'What the criterion is, shown to reviewers' })
  @IsString()
  label!: string;

  @Field(() => Float, { description: 'Relative weight, above 0' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight!: number;
}

@InputType({
  description: "Defines or replaces a review cohort's rubric (admins); reviews keep the version they were made under",
})
export class DefineRubricInput {
  @Field(() => ID, { description: 'The review cohort the rubric is for (Cohort.cohortId)' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => [CriterionInput], { description: 'What reviewers score, each 0..5, in the order they are shown' })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];

  @Field({ description: "Reviewers don't see the applicant's learner id or company" })
  @IsBoolean()
  blind!: boolean;

  @Field(() => Int, { description: 'Reviews an application needs before it can be decided' })
  @IsInt()
  reviewsRequired!: number;
}
