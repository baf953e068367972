import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, PositionScalar } from '@sooc/graphql';
import { ApplicationStatus, LearnerLevel } from './enums';

@ObjectType({
  description:
    "A learner's application as it stood at a point of its history, computed by folding its events up to that point",
})
export class EnrollmentAsOf {
  @Field(() => ID, { description: '<cohortId>-<learnerId>' })
  enrollmentId!: string;

  @Field(() => ID, { description: 'The cohort applied to' })
  cohortId!: string;

  @Field(() => ID, { description: 'The learner' })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Their company then; null for independent learners' })
  companyId!: string | null;

  @Field(() => LearnerLevel, { description: 'The level they gave' })
  level!: LearnerLevel;

  @Field(() => String, { nullable: true, description: 'Their name as submitted; null when not given' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Their e-mail address as submitted; null when not given' })
  email!: string | null;

  @Field({ description: 'Their motivation as submitted; "[erased]" once their personal data was erased' })
  motivation!: string;

  @Field(() => ApplicationStatus, { description: 'Where the application stood' })
  status!: ApplicationStatus;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the seat offer then open would lapse; null without one',
  })
  offerExpiresAt!: string | null;

  @Field(() => Int, { description: 'Sessions attended by then' })
  attendedSessions!: number;

  @Field(() => PositionScalar, { description: 'The position of the last event of the enrollment folded in' })
  position!: bigint;

  @Field(() => DateTimeScalar, { description: 'When that last event occurred' })
  lastChangedAt!: string;
}
