import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, GLOBAL_ID, Node, PositionScalar } from '@sooc/graphql';
import { CohortStatus, SelectionPolicy } from './enums';

@ObjectType({
  description:
    'The window in effect, half-open [opensAt, closesAt): opened early, opensAt is when applications were opened',
})
export class ApplicationWindow {
  @Field(() => DateTimeScalar, {
    description: 'First instant applications are accepted (the moment they were opened, when opened early)',
  })
  opensAt!: string;

  @Field(() => DateTimeScalar, {
    description: 'Applications are accepted until just before this instant; the cohort closes itself at it',
  })
  closesAt!: string;
}

@ObjectType({ description: 'One session of a course, as the read model shows it', implements: () => [Node] })
export class Cohort implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, {
    description: "The cohort's own id, given or generated when it was planned: what mutations and queries take",
  })
  cohortId!: string;

  @Field(() => ID, { description: 'The course this cohort is a session of' })
  courseId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The course's title; null until the course is in the read model",
  })
  courseTitle!: string | null;

  @Field({ description: 'Name of this session, up to 200 characters' })
  title!: string;

  @Field(() => CohortStatus, { description: 'Where the cohort is in its lifecycle' })
  status!: CohortStatus;

  @Field(() => Int, {
    description: 'Seats, 2..500 (10..100 advised); never below the seats already reserved or confirmed',
  })
  capacity!: number;

  @Field(() => ApplicationWindow, { description: 'When applications are accepted' })
  applicationWindow!: ApplicationWindow;

  @Field(() => DateScalar, { description: 'First day; applications close no later than 00:00 UTC that day' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day, on or after startsOn' })
  endsOn!: string;

  @Field(() => SelectionPolicy, { description: "How applicants get a seat, from the course's policy" })
  selectionPolicy!: SelectionPolicy;

  @Field(() => PositionScalar, { description: 'Position of the last event reflected in this view' })
  position!: bigint;
}
