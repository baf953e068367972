import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditEntry } from './audit-entry.type';

@ObjectType({ description: "One of a learner's applications, with everything that happened to it" })
export class EnrollmentTimeline {
  @Field(() => ID, { description: '<cohortId>-<learnerId>' })
  enrollmentId!: string;

  @Field(() => ID, { nullable: true, description: 'The cohort applied to' })
  cohortId!: string | null;

  @Field(() => [AuditEntry], { description: 'Every event about it, in the order it happened, with who and why' })
  timeline!: AuditEntry[];
}
