import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Decision } from './enums';

@ObjectType()
export class Actor {
  @Field(() => ID)
  id!: string;

  @Field()
  role!: string;
}

@ObjectType()
export class QuotaSnapshot {
  @Field(() => ID)
  companyId!: string;

  @Field(() => Int)
  seats!: number;

  @Field(() => Int)
  used!: number;
}

@ObjectType({ description: 'The seats as the applicant saw them when the decision was taken' })
export class SeatSnapshot {
  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int)
  free!: number;

  @Field(() => Int)
  waitlisted!: number;

  @Field(() => QuotaSnapshot, { nullable: true, description: "The applicant's company quota, when it has one" })
  quota!: QuotaSnapshot | null;

  @Field(() => Int, {
    description: "Free seats in the applicant's own pool (their company's quota, or the open seats)",
  })
  freeInPool!: number;
}

@ObjectType()
export class RecordedReview {
  @Field(() => ID)
  reviewerId!: string;

  @Field(() => Int)
  rubricVersion!: number;

  @Field(() => Float)
  score!: number;
}

@ObjectType({
  description: 'What the decision was based on: rubric version, reviews, ranking and seats at that moment',
})
export class DecisionRecord {
  @Field(() => Int, { nullable: true })
  rubricVersion!: number | null;

  @Field(() => [RecordedReview])
  reviews!: RecordedReview[];

  @Field(() => Float, { nullable: true })
  averageScore!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "1-based rank by average score among the cohort's reviewed applications",
  })
  rank!: number | null;

  @Field(() => Int)
  rankedAmong!: number;

  @Field(() => SeatSnapshot)
  seats!: SeatSnapshot;
}

@ObjectType({ description: 'A selection decision on one application, with who took it, why, and on what basis' })
export class ApplicationDecision {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID)
  enrollmentId!: string;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field()
  reason!: string;

  @Field(() => Actor)
  decidedBy!: Actor;

  @Field(() => DecisionRecord)
  record!: DecisionRecord;
}
