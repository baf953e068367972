import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AdmissionDecision, ApplicationStatus, LearnerLevel } from './enums';
import { DateTimeScalar } from '@sooc/graphql';

@ObjectType()
export class ApplicationAnswer {
  @Field(() => ID)
  questionId!: string;

  @Field()
  answer!: string;
}

@ObjectType({ description: "A reviewer's latest review of the application" })
export class ApplicationReview {
  @Field(() => ID)
  reviewerId!: string;

  @Field(() => Float, { description: 'Weighted score on 0..100' })
  score!: number;

  @Field(() => Int)
  rubricVersion!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType()
export class DecisionActor {
  @Field(() => ID)
  id!: string;

  @Field()
  role!: string;
}

@ObjectType({ description: 'The selection decision as recorded, with the ranking it was taken on' })
export class RecordedDecision {
  @Field(() => AdmissionDecision)
  decision!: AdmissionDecision;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DecisionActor, { nullable: true })
  decidedBy!: DecisionActor | null;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Rubric version the reviews were scored on' })
  rubricVersion!: number | null;

  @Field(() => Float, { nullable: true })
  averageScore!: number | null;

  @Field(() => Int, { nullable: true, description: '1 = best among the reviewed applications at decision time' })
  rank!: number | null;

  @Field(() => Int, { nullable: true })
  rankedAmong!: number | null;
}

@ObjectType()
export class AttendanceMark {
  @Field(() => Int)
  session!: number;

  @Field()
  attended!: boolean;
}

@ObjectType({ description: 'One learner applying to one cohort, as the read model shows it' })
export class Application {
  @Field(() => ID, { description: '<cohortId>-<learnerId>' })
  enrollmentId!: string;

  @Field(() => ID)
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: "Null for a reviewer when the cohort's rubric is blind" })
  learnerId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Null for independent learners, and for a reviewer when the cohort's rubric is blind",
  })
  companyId!: string | null;

  @Field(() => LearnerLevel)
  level!: LearnerLevel;

  @Field()
  motivation!: string;

  @Field(() => [ApplicationAnswer])
  answers!: ApplicationAnswer[];

  @Field(() => [String])
  prerequisitesMet!: string[];

  @Field({ description: 'False when a course prerequisite is missing: the application goes no further' })
  eligible!: boolean;

  @Field(() => [String])
  unmetPrerequisites!: string[];

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why of the last decision, waitlisting, drop, withdrawal or cancellation',
  })
  statusReason!: string | null;

  @Field(() => DateTimeScalar)
  submittedAt!: string;

  @Field(() => [ApplicationReview])
  reviews!: ApplicationReview[];

  @Field(() => Int)
  reviewCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the reviewers' latest scores, 0..100; null before any review",
  })
  averageScore!: number | null;

  @Field(() => RecordedDecision, {
    nullable: true,
    description: 'Null until the selection decides (and for first-come admissions)',
  })
  decision!: RecordedDecision | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the seat offer lapses; kept after it ended' })
  offerExpiresAt!: string | null;

  @Field()
  promotedFromWaitlist!: boolean;

  @Field(() => [AttendanceMark])
  attendance!: AttendanceMark[];

  @Field(() => Int)
  attendedSessions!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
