import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LIST_CAP } from './input-formats';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @Field(() => Int, { description: 'A whole number 0..5' })
  @IsInt()
  score!: number;
}

/** The reviewer is whoever makes the request. */
@InputType()
export class ReviewApplicationInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;

  @Field(() => [CriterionScoreInput], { description: "One score per criterion of the cohort's rubric" })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  // Scores become a map by criterion: a second score for one criterion would silently replace the first.
  @ArrayUnique((score: CriterionScoreInput) => score?.criterionId, {
    message: 'scores must not score the same criterion twice',
  })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores!: CriterionScoreInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  comment?: string | null;
}
