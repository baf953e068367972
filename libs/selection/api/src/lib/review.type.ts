import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A reviewer's score on one criterion of the rubric" })
export class CriterionScore {
  @Field(() => ID, { description: 'The criterion scored' })
  criterionId!: string;

  @Field(() => Int, { description: 'A whole number 0..5' })
  score!: number;
}

@ObjectType({ description: "A reviewer's latest review of an application" })
export class Review {
  @Field(() => ID, {
    nullable: true,
    description: 'The application reviewed, <cohortId>-<learnerId>; null for reviewers, who may review blind',
  })
  enrollmentId!: string | null;

  @Field(() => ID, { description: 'The application reviewed, by its opaque reference (Application.reference)' })
  reference!: string;

  @Field(() => ID, { description: 'Who reviewed' })
  reviewerId!: string;

  @Field(() => Int, { description: 'Version of the rubric the review was scored on' })
  rubricVersion!: number;

  @Field(() => [CriterionScore], { description: 'One score per criterion of that rubric' })
  scores!: CriterionScore[];

  @Field(() => Float, { description: 'Weighted mean of the scores on 0..100' })
  score!: number;

  @Field(() => String, { nullable: true, description: "The reviewer's comment; null when they left none" })
  comment!: string | null;
}
