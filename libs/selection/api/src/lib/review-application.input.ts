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
import { ApplicationRefInput, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType({ description: 'The score given on one criterion of the rubric' })
export class CriterionScoreInput {
  @Field(() => ID, { description: 'The criterion scored (RubricCriterion.id)' })
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @Field(() => Int, { description: 'A whole number 0..5' })
  @IsInt()
  score!: number;
}

/** The reviewer is whoever makes the request. */
@InputType({
  description:
    "Scores an application against its cohort's rubric, as the caller (reviewers, admins); a new review replaces the caller's earlier one",
})
export class ReviewApplicationInput extends ApplicationRefInput {
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

  @Field(() => String, { nullable: true, description: 'A note for the other reviewers and the decider' })
  @IsOptional()
  @IsString()
  comment?: string | null;
}
