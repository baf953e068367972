import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GLOBAL_ID, Node } from '@sooc/graphql';

@ObjectType({ description: 'One thing reviewers score, 0..5, and how much it counts' })
export class RubricCriterion {
  @Field(() => ID, { description: 'Stable key reviewers score against, e.g. "motivation"' })
  id!: string;

  @Field({ description: 'What the criterion is, for reviewers' })
  label!: string;

  @Field(() => Float, { description: "Relative weight, above 0: the criterion's share of the weighted score" })
  weight!: number;
}

@ObjectType({
  description: "A cohort's selection rubric: weighted criteria reviewers score 0..5",
  implements: () => [Node],
})
export class Rubric implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, { description: 'The cohort the rubric selects for' })
  cohortId!: string;

  @Field(() => Int, { description: 'Starts at 1; each new definition is a new version' })
  version!: number;

  @Field(() => [RubricCriterion], { description: 'The criteria, as defined' })
  criteria!: RubricCriterion[];

  @Field({
    description: "True when reviewers don't see the applicant's learner id or company (the waitlist hides them too)",
  })
  blind!: boolean;

  @Field(() => Int, { description: 'Reviews an application needs before it can be decided' })
  reviewsRequired!: number;
}
