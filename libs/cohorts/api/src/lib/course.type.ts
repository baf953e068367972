import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PositionScalar } from '@sooc/graphql';
import { CourseStatus, SelectionPolicy } from './enums';

@ObjectType({ description: 'A SOOC offering' })
export class Course {
  @Field(() => ID)
  id!: string;

  @Field(() => CourseStatus)
  status!: CourseStatus;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [String])
  topics!: string[];

  @Field()
  language!: string;

  @Field(() => [String])
  prerequisites!: string[];

  @Field(() => SelectionPolicy)
  selectionPolicy!: SelectionPolicy;

  @Field(() => Int)
  defaultCapacity!: number;

  @Field(() => PositionScalar, { description: 'Position of the last event reflected in this view' })
  position!: bigint;
}
