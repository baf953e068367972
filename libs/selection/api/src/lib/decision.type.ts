import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Decision } from './enums';

@ObjectType({ description: 'Who made a request: the person (or the system) and the role they acted in' })
export class Actor {
  @Field(() => ID, { description: "The person's (or the system's) id" })
  id!: string;

  @Field({
    description: 'Their role: admin, reviewer, facilitator, compliance, partner, learner, system or anonymous',
  })
  role!: string;
}

@ObjectType({ description: "The applicant's company quota at decision time" })
export class QuotaSnapshot {
  @Field(() => ID, { description: "The applicant's company" })
  companyId!: string;

  @Field(() => Int, { description: 'Seats dedicated to the company' })
  seats!: number;

  @Field(() => Int, { description: "Of those, seats the company's learners held (reserved or confirmed)" })
  used!: number;
}

@ObjectType({ description: 'The seats as the applicant saw them when the decision was taken' })
export class SeatSnapshot {
  @Field(() => Int, { description: "The cohort's capacity" })
  capacity!: number;

  @Field(() => Int, { description: 'Seats held by open offers' })
  reserved!: number;

  @Field(() => Int, { description: 'Seats of learners who had accepted their offer' })
  confirmed!: number;

  @Field(() => Int, { description: 'Seats neither reserved nor confirmed' })
  free!: number;

  @Field(() => Int, { description: 'Learners on the waitlist' })
  waitlisted!: number;

  @Field(() => QuotaSnapshot, { nullable: true, description: "The applicant's company quota, when it has one" })
  quota!: QuotaSnapshot | null;

  @Field(() => Int, {
    description: "Free seats in the applicant's own pool (their company's quota, or the open seats)",
  })
  freeInPool!: number;
}

@ObjectType({ description: "A reviewer's review as the decision saw it" })
export class RecordedReview {
  @Field(() => ID, { description: 'Who reviewed' })
  reviewerId!: string;

  @Field(() => Int, { description: 'Version of the rubric the review was scored on' })
  rubricVersion!: number;

  @Field(() => Float, { description: 'Weighted score on 0..100' })
  score!: number;
}

@ObjectType({
  description: 'What the decision was based on: rubric version, reviews, ranking and seats at that moment',
})
export class DecisionRecord {
  @Field(() => Int, { nullable: true, description: 'Version of the rubric in force; null when none was defined' })
  rubricVersion!: number | null;

  @Field(() => [RecordedReview], { description: "Every reviewer's latest review of the application" })
  reviews!: RecordedReview[];

  @Field(() => Float, { nullable: true, description: 'Mean of the review scores, 0..100; null without reviews' })
  averageScore!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "1-based rank by average score among the cohort's reviewed applications; null if unreviewed",
  })
  rank!: number | null;

  @Field(() => Int, { description: "How many of the cohort's applications were reviewed, and ranked" })
  rankedAmong!: number;

  @Field(() => SeatSnapshot, { description: 'The seats at that moment' })
  seats!: SeatSnapshot;
}

@ObjectType({ description: 'A selection decision on one application, with who took it, why, and on what basis' })
export class ApplicationDecision {
  @Field(() => ID, { description: "The decision's id" })
  decisionId!: string;

  @Field(() => ID, { description: 'The application decided, <cohortId>-<learnerId>' })
  enrollmentId!: string;

  @Field(() => ID, { description: 'The applicant' })
  learnerId!: string;

  @Field(() => Decision, { description: 'What was decided' })
  decision!: Decision;

  @Field({ description: 'Why, as the decider wrote it; kept for the applicant and for audits' })
  reason!: string;

  @Field(() => Actor, { description: 'Who decided' })
  decidedBy!: Actor;

  @Field(() => DecisionRecord, { description: 'What the decision was based on' })
  record!: DecisionRecord;
}
