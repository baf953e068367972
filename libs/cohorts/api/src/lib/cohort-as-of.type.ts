import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, PositionScalar } from '@sooc/graphql';
import { DashboardSettings } from './cohort-dashboard.type';
import { CohortStatus } from './enums';

@ObjectType({ description: 'A learner holding a seat at that point' })
export class RosterEntry {
  @Field(() => ID, { description: 'Their enrollment' })
  enrollmentId!: string;

  @Field(() => ID, { description: 'The learner' })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Their company; null for independent learners' })
  companyId!: string | null;

  @Field({ description: 'RESERVED while the seat offer is open, CONFIRMED once accepted' })
  seat!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the open offer lapses; null once confirmed' })
  offerExpiresAt!: string | null;
}

@ObjectType({ description: 'One place of the waitlist at that point, in the order seats go' })
export class AsOfWaitlistEntry {
  @Field(() => Int, { description: '1 = next to get a seat' })
  position!: number;

  @Field(() => ID, { description: 'Their enrollment' })
  enrollmentId!: string;

  @Field(() => ID, { description: 'The learner' })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Their company; null for independent learners' })
  companyId!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The review score ranking it; null when the waitlist goes by arrival',
  })
  score!: number | null;
}

@ObjectType({ description: "A company's seats at that point" })
export class AsOfCompanySeats {
  @Field(() => ID, { description: 'The company' })
  companyId!: string;

  @Field(() => Int, { nullable: true, description: 'Seats dedicated to it; null without a quota' })
  quota!: number | null;

  @Field(() => Int, { description: 'Seats held for its learners while their offer is open' })
  reserved!: number;

  @Field(() => Int, { description: 'Seats of its learners who accepted' })
  confirmed!: number;

  @Field(() => Int, { description: 'Its learners on the waitlist' })
  waitlisted!: number;
}

@ObjectType({ description: 'One group of the latest formation at that point' })
export class AsOfGroup {
  @Field(() => ID, { description: '"g1", "g2", … within the formation' })
  groupId!: string;

  @Field(() => [ID], { description: "The group's learners" })
  learnerIds!: string[];
}

@ObjectType({
  description:
    'A cohort as it stood at a point of its history, computed by folding its events up to that point (never from the read models, which only know now)',
})
export class CohortAsOf {
  @Field(() => ID, { description: 'The cohort' })
  cohortId!: string;

  @Field(() => PositionScalar, { description: 'The position of the last event of the cohort folded in' })
  position!: bigint;

  @Field(() => DateTimeScalar, { description: 'When that last event occurred' })
  lastChangedAt!: string;

  @Field(() => CohortStatus, { description: 'Where the cohort stood in its lifecycle' })
  status!: CohortStatus;

  @Field({ description: 'Its title then' })
  title!: string;

  @Field(() => Int, { description: 'Seats then' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats held while an offer was open' })
  reserved!: number;

  @Field(() => Int, { description: 'Seats of learners who had accepted' })
  confirmed!: number;

  @Field(() => [RosterEntry], { description: 'Who held a seat, in arrival order' })
  roster!: RosterEntry[];

  @Field(() => [AsOfWaitlistEntry], { description: 'The waitlist in the order seats would go' })
  waitlist!: AsOfWaitlistEntry[];

  @Field(() => [AsOfCompanySeats], {
    description: 'Seats per company (every company with a quota or a learner), by company id',
  })
  companies!: AsOfCompanySeats[];

  @Field(() => DashboardSettings, { description: 'The settings then' })
  settings!: DashboardSettings;

  @Field(() => Int, { description: 'How many times groups had been formed; 0 before the first' })
  groupFormation!: number;

  @Field(() => [AsOfGroup], { description: 'The latest formation then; empty before the first' })
  groups!: AsOfGroup[];
}
