import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "A cohort's seats and waitlist length as its dashboard counts them (CohortDashboard), for a list of cohorts: read for a whole page at once",
})
export class CohortFill {
  @Field(() => Int, { description: 'Seats in the cohort, 2..500' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats held while an offer is open' })
  reserved!: number;

  @Field(() => Int, { description: 'Seats of learners who accepted their offer' })
  confirmed!: number;

  @Field(() => Int, {
    description: 'Seats neither reserved nor confirmed: capacity − reserved − confirmed, never below 0',
  })
  free!: number;

  @Field(() => Float, { description: '(reserved + confirmed) / capacity, 0..1' })
  fillRate!: number;

  @Field(() => Int, { description: 'Learners on the whole waitlist' })
  waitlistLength!: number;
}
