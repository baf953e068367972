import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, PositionScalar } from '@sooc/graphql';
import { CohortStatus, SelectionPolicy } from './enums';

@ObjectType({
  description:
    'The window in effect, half-open [opensAt, closesAt): opened early, opensAt is when applications were opened',
})
export class ApplicationWindow {
  @Field(() => DateTimeScalar)
  opensAt!: string;

  @Field(() => DateTimeScalar)
  closesAt!: string;
}

@ObjectType({ description: 'One session of a course, as the read model shows it' })
export class Cohort {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  courseId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The course's title; null until the course is in the read model",
  })
  courseTitle!: string | null;

  @Field()
  title!: string;

  @Field(() => CohortStatus)
  status!: CohortStatus;

  @Field(() => Int)
  capacity!: number;

  @Field(() => ApplicationWindow)
  applicationWindow!: ApplicationWindow;

  @Field(() => DateScalar, { description: 'First day' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day' })
  endsOn!: string;

  @Field(() => SelectionPolicy)
  selectionPolicy!: SelectionPolicy;

  @Field(() => PositionScalar, { description: 'Position of the last event reflected in this view' })
  position!: bigint;
}
