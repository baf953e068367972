import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStatus, DashboardWaitlistOrder } from './enums';
import { DateTimeScalar, GLOBAL_ID, Node } from '@sooc/graphql';
import { CohortFill } from './cohort-fill.type';

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

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the learner joined the waitlist',
  })
  waitlistedAt!: string | null;
}

@ObjectType({ description: "How many of the cohort's applications are in one status" })
export class ApplicationStatusCount {
  @Field(() => ApplicationStatus, { description: 'The status counted' })
  status!: ApplicationStatus;

  @Field(() => Int, { description: 'Applications in that status, at least 1' })
  count!: number;
}

@ObjectType({ description: "One company's seats (companyId null: learners without a company)" })
export class CompanySeats {
  @Field(() => ID, { nullable: true, description: 'The company; null for the row of learners without one' })
  companyId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats dedicated to the company; null when it has no quota' })
  quota!: number | null;

  @Field(() => Int, { description: "Seats held for the company's learners while their offer is open" })
  reserved!: number;

  @Field(() => Int, { description: "Seats of the company's learners who accepted their offer" })
  confirmed!: number;

  @Field(() => Int, { description: "The company's learners on the waitlist" })
  waitlisted!: number;

  @Field(() => Int, { description: "Applications from the company's learners, in any status" })
  applications!: number;
}

@ObjectType({ description: "The cohort's settings as the dashboard shows them" })
export class DashboardSettings {
  @Field(() => [ID], { description: 'Ids of the people who run the sessions (at most 20); empty by default' })
  facilitators!: string[];

  @Field(() => Int, {
    description:
      'How long a seat offer stays open before it expires and goes to the next learner, in hours (1..720, default 72)',
  })
  offerTtlHours!: number;

  @Field(() => Int, { description: 'Learners per group formGroups aims at when given no size (2..12, default 5)' })
  targetGroupSize!: number;

  @Field(() => DashboardWaitlistOrder, {
    description: 'How the waitlist is ranked (default: SCORE for review cohorts, ARRIVAL for first-come ones)',
  })
  waitlistOrder!: DashboardWaitlistOrder;

  @Field(() => Int, { description: 'Planned sessions; attendance is recorded for sessions 1..sessions (default 10)' })
  sessions!: number;

  @Field(() => Float, {
    description:
      'Share of sessions (0 < t ≤ 1, default 0.7) a learner must attend to complete; below it they are dropped',
  })
  completionThreshold!: number;
}

@ObjectType({
  description:
    'A cohort at a glance, for admins: its seats, waitlist, applications per status and per company, and settings',
  implements: () => [Node],
})
/** The seats and waitlist length are CohortFill's: the cohorts list reads them alone. */
export class CohortDashboard extends CohortFill implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, { description: 'The cohort shown' })
  cohortId!: string;

  @Field({ description: "The cohort's title" })
  title!: string;

  @Field(() => Int, { description: 'Learners on the whole waitlist (the list below may show fewer)' })
  override waitlistLength!: number;

  @Field(() => [WaitlistEntry], { description: 'The first waitlistFirst entries, in the order seats go to them' })
  waitlist!: WaitlistEntry[];

  @Field(() => [ApplicationStatusCount], {
    description: 'Applications per status, statuses with none left out, in alphabetical order of their value',
  })
  applicationsByStatus!: ApplicationStatusCount[];

  @Field(() => [CompanySeats], {
    description:
      'Seats, waitlist and applications per company (every company with a quota, and any with learners), by ' +
      'company id; learners without a company come last',
  })
  companies!: CompanySeats[];

  @Field(() => DashboardSettings, { description: "The cohort's settings" })
  settings!: DashboardSettings;

  @Field(() => DateTimeScalar, {
    description:
      "When the cohort's own record (title, capacity, status, settings, quotas) last changed; the counts are taken when asked",
  })
  updatedAt!: string;
}
