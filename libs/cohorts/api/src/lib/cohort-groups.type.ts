import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, GLOBAL_ID, Node } from '@sooc/graphql';
import { LearnerLevel } from './enums';

@ObjectType({ description: 'A confirmed learner placed in a group' })
export class GroupMember {
  @Field(() => ID, { description: "The learner's enrollment in this cohort, <cohortId>-<learnerId>" })
  enrollmentId!: string;

  @Field(() => ID, { description: 'The learner' })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: "The learner's company; null for an independent learner" })
  companyId!: string | null;

  @Field(() => LearnerLevel, { description: "The learner's self-assessed level, which groups are balanced on" })
  level!: LearnerLevel;
}

@ObjectType({ description: 'One small group of learners working together, mixed across companies and levels' })
export class CohortGroup {
  @Field(() => ID, { description: '"g1", "g2", … within one formation' })
  groupId!: string;

  @Field(() => [GroupMember], { description: "The group's learners" })
  members!: GroupMember[];
}

@ObjectType({ description: "The cohort's latest group formation", implements: () => [Node] })
export class CohortGroups implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, { description: 'The cohort the groups belong to' })
  cohortId!: string;

  @Field(() => Int, { description: '1 for the first formation, then one more each time groups are re-formed' })
  formation!: number;

  @Field(() => Int, { description: 'Learners per group the formation aimed at, 2..12' })
  targetSize!: number;

  @Field({ description: 'Seed of the shuffle: the same seed over the same learners gives the same groups' })
  seed!: string;

  @Field(() => DateTimeScalar, { description: 'When the groups were formed' })
  formedAt!: string;

  @Field(() => [CohortGroup], { description: 'The groups of this formation' })
  groups!: CohortGroup[];
}
