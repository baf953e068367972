import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class RubricCriterion {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field(() => Float)
  weight!: number;
}

@ObjectType({ description: "A cohort's selection rubric: weighted criteria reviewers score 0..5" })
export class Rubric {
  @Field(() => Int, { description: 'Starts at 1; each new definition is a new version' })
  version!: number;

  @Field(() => [RubricCriterion])
  criteria!: RubricCriterion[];

  @Field()
  blind!: boolean;

  @Field(() => Int)
  reviewsRequired!: number;
}
