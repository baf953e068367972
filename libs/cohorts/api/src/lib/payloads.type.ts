import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, PositionScalar } from '@sooc/graphql';
import { CohortGroups } from './cohort-groups.type';
import { Cohort } from './cohort.type';
import { Course } from './course.type';

@ObjectType({
  description:
    'The cohort as the write left it, answered at once; only courseTitle (and, for a mutation that changed ' +
    'nothing, position) waits until the read model has the write (READ_MODEL_TIMEOUT after 5 s; the write stays done)',
})
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

@ObjectType({
  description:
    'The course as the write left it, answered at once (a mutation that changed nothing reads its position ' +
    'back from the read model)',
})
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

@ObjectType({
  description: 'The formation written; groups waits until the read model has it (READ_MODEL_TIMEOUT after 5 s)',
})
export class GroupsPayload {
  @Field(() => CohortGroups)
  groups!: CohortGroups;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;
}

@ObjectType({ description: 'A page of cohorts, with how many match in all' })
export class CohortConnection extends Connection(Cohort) {}
