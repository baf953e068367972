import { Field, ObjectType } from '@nestjs/graphql';
import { PositionScalar } from '@sooc/graphql';
import { ApplicationDecision } from './decision.type';
import { Review } from './review.type';
import { Rubric } from './rubric.type';

const POSITION = {
  nullable: true,
  description: 'Position of the last event written; null when the mutation changed nothing',
};

@ObjectType({ description: 'The rubric in force after the write' })
export class RubricPayload {
  @Field(() => Rubric)
  rubric!: Rubric;

  @Field(() => PositionScalar, POSITION)
  position!: bigint | null;
}

@ObjectType({ description: "The caller's review after the write" })
export class ReviewPayload {
  @Field(() => Review)
  review!: Review;

  @Field(() => PositionScalar, POSITION)
  position!: bigint | null;
}

@ObjectType({ description: 'The decision taken (a repeated request gets the one already taken)' })
export class DecisionPayload {
  @Field(() => ApplicationDecision)
  decision!: ApplicationDecision;

  @Field(() => PositionScalar, POSITION)
  position!: bigint | null;
}
