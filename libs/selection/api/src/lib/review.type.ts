import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CriterionScore {
  @Field(() => ID)
  criterionId!: string;

  @Field(() => Int)
  score!: number;
}

@ObjectType({ description: "A reviewer's latest review of an application" })
export class Review {
  @Field(() => ID)
  enrollmentId!: string;

  @Field(() => ID)
  reviewerId!: string;

  @Field(() => Int)
  rubricVersion!: number;

  @Field(() => [CriterionScore])
  scores!: CriterionScore[];

  @Field(() => Float, { description: 'Weighted mean of the scores on 0..100' })
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}
