import { Field, ObjectType } from '@nestjs/graphql';
import { WritePayload } from '@sooc/graphql';
import { ApplicationDecision } from './decision.type';
import { Review } from './review.type';
import { Rubric } from './rubric.type';

@ObjectType({ description: 'The rubric in force after the write' })
export class DefineRubricPayload extends WritePayload {
  @Field(() => Rubric, { description: 'The rubric as defined, with its new version' })
  rubric!: Rubric;
}

@ObjectType({ description: "The caller's review after the write" })
export class ReviewApplicationPayload extends WritePayload {
  @Field(() => Review, { description: "The caller's review, as recorded" })
  review!: Review;
}

@ObjectType({ description: 'The decision taken (a repeated request gets the one already taken)' })
export class DecideApplicationPayload extends WritePayload {
  @Field(() => ApplicationDecision, { description: 'The decision as recorded, with the ranking it was taken on' })
  decision!: ApplicationDecision;
}
