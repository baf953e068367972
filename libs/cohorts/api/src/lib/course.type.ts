import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GLOBAL_ID, Node, PositionScalar } from '@sooc/graphql';
import { CourseStatus, SelectionPolicy } from './enums';

@ObjectType({
  description: 'A SOOC offering: what is taught, to whom, and how applicants are selected',
  implements: () => [Node],
})
export class Course implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, {
    description: "The course's own id, given or generated when it was drafted: what mutations and queries take",
  })
  courseId!: string;

  @Field(() => CourseStatus, { description: 'Where the course is in its lifecycle' })
  status!: CourseStatus;

  @Field({ description: 'Name of the course, 3 to 200 characters' })
  title!: string;

  @Field({ description: 'What the course is about, for applicants; up to 2000 characters' })
  summary!: string;

  @Field(() => [String], { description: 'Subjects the course covers, up to 20' })
  topics!: string[];

  @Field({ description: 'Language it is taught in, a BCP 47 tag such as "en" or "fr-CA"' })
  language!: string;

  @Field(() => [String], {
    description: 'What an applicant must already have; an application missing one is INELIGIBLE',
  })
  prerequisites!: string[];

  @Field(() => SelectionPolicy, { description: "How applicants get a seat in the course's cohorts" })
  selectionPolicy!: SelectionPolicy;

  @Field(() => Int, { description: 'Capacity proposed to new cohorts, 2..500' })
  defaultCapacity!: number;

  @Field(() => PositionScalar, { description: 'Position of the last event reflected in this view' })
  position!: bigint;
}
