import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStatus, DashboardWaitlistOrder } from './enums';
import { DateTimeScalar } from '@sooc/graphql';

@ObjectType({ description: 'One place in the waitlist' })
export class WaitlistEntry {
  @Field(() => Int, { description: '1 = next to get a seat' })
  position!: number;

  @Field(() => ID, {
    description:
      'Opaque, stable reference of this place; it names no learner. In a cohort whose rubric is blind it is the only reference shown',
  })
  reference!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'null when the rubric is blind: reviewers must not learn who applied',
  })
  enrollmentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'null when the rubric is blind: reviewers must not learn who applied',
  })
  learnerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'null for independent learners, and when the rubric is blind' })
  companyId!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Review score ranking the waitlist; null when it goes by arrival',
  })
  score!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  waitlistedAt!: string | null;
}

@ObjectType()
export class ApplicationStatusCount {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One company's seats (companyId null: learners without a company)" })
export class CompanySeats {
  @Field(() => ID, { nullable: true })
  companyId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats dedicated to the company; null when it has no quota' })
  quota!: number | null;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int)
  waitlisted!: number;

  @Field(() => Int)
  applications!: number;
}

@ObjectType({ description: "The cohort's settings as the dashboard shows them" })
export class DashboardSettings {
  @Field(() => [ID])
  facilitators!: string[];

  @Field(() => Int)
  offerTtlHours!: number;

  @Field(() => Int)
  targetGroupSize!: number;

  @Field(() => DashboardWaitlistOrder)
  waitlistOrder!: DashboardWaitlistOrder;

  @Field(() => Int)
  sessions!: number;

  @Field(() => Float)
  completionThreshold!: number;
}

@ObjectType({ description: "A cohort's seats, waitlist, applications and companies" })
export class CohortDashboard {
  @Field(() => ID)
  cohortId!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int, { description: 'Seats held while an offer is open' })
  reserved!: number;

  @Field(() => Int, { description: 'Seats of learners who accepted their offer' })
  confirmed!: number;

  @Field(() => Int)
  free!: number;

  @Field(() => Float, { description: '(reserved + confirmed) / capacity, 0..1' })
  fillRate!: number;

  @Field(() => Int)
  waitlistLength!: number;

  @Field(() => [WaitlistEntry], { description: 'The first waitlistFirst entries, in the order seats go to them' })
  waitlist!: WaitlistEntry[];

  @Field(() => [ApplicationStatusCount])
  applicationsByStatus!: ApplicationStatusCount[];

  @Field(() => [CompanySeats])
  companies!: CompanySeats[];

  @Field(() => DashboardSettings)
  settings!: DashboardSettings;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
