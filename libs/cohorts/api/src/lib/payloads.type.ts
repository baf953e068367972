import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, PositionScalar } from '@sooc/graphql';
import { Cohort } from './cohort.type';
import { Course } from './course.type';

@ObjectType({ description: 'The cohort after the write, read once the read model caught up with it' })
export class CohortPayload {
  @Field(() => Cohort)
  cohort!: Cohort;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;

  @Field(() => [String], { description: 'Accepted, but advised against (e.g. a capacity outside 10..100)' })
  warnings!: string[];
}

@ObjectType({ description: 'The course after the write, read once the read model caught up with it' })
export class CoursePayload {
  @Field(() => Course)
  course!: Course;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;

  @Field(() => [String])
  warnings!: string[];
}

@ObjectType()
export class CohortConnection extends Connection(Cohort) {}
