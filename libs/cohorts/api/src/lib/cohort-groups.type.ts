import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LearnerLevel } from './enums';
import { DateTimeScalar } from '@sooc/graphql';

@ObjectType()
export class GroupMember {
  @Field(() => ID)
  enrollmentId!: string;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID, { nullable: true })
  companyId!: string | null;

  @Field(() => LearnerLevel)
  level!: LearnerLevel;
}

@ObjectType()
export class CohortGroup {
  @Field(() => ID, { description: '"g1", "g2", … within one formation' })
  groupId!: string;

  @Field(() => [GroupMember])
  members!: GroupMember[];
}

@ObjectType({ description: "The cohort's latest group formation" })
export class CohortGroups {
  @Field(() => ID)
  cohortId!: string;

  @Field(() => Int, { description: '1 for the first formation, then one more each time groups are re-formed' })
  formation!: number;

  @Field(() => Int)
  targetSize!: number;

  @Field()
  seed!: string;

  @Field(() => DateTimeScalar)
  formedAt!: string;

  @Field(() => [CohortGroup])
  groups!: CohortGroup[];
}
