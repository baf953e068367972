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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LIST_CAP } from './input-formats';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType({ description: 'The score given on one criterion of the rubric' })
export class CriterionScoreInput {
  @Field(() => ID, { description: 'The criterion scored (RubricCriterion.id)' })
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @Field(() => Int, { description: 'A whole number 0..5' })
  @IsInt()
  score!: number;
}

/** The reviewer is whoever makes the request. A blind reviewer names the application by its reference. */
@InputType({
  description:
    "Scores an application against its cohort's rubric, as the caller (reviewers, admins); a new review replaces the caller's earlier one. Name the application by learnerId or by reference, not both",
})
export class ReviewApplicationInput {
  @Field(() => ID, { description: 'The cohort applied to (Cohort.cohortId)' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: 'The learner who applied; or give reference instead' })
  @ValidateIf((input: ReviewApplicationInput) => input.reference == null || input.learnerId != null)
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}, or give reference instead` })
  learnerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The application's opaque reference (Application.reference), as a blind reviewer sees it; or give learnerId",
  })
  @ValidateIf((input: ReviewApplicationInput) => input.reference != null)
  @Matches(/^ref_[A-Za-z0-9_-]{1,1000}$/, { message: 'reference must be an Application.reference (ref_…)' })
  reference?: string | null;

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
