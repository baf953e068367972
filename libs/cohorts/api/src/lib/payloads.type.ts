import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, WritePayload } from '@sooc/graphql';
import { CohortGroups } from './cohort-groups.type';
import { Cohort } from './cohort.type';
import { Course } from './course.type';

const ANSWERED_AT_ONCE =
  'The cohort as the write left it, answered at once; only courseTitle (and, for a mutation that changed ' +
  'nothing, position) waits until the read model has the write (READ_MODEL_TIMEOUT after 5 s; the write stays done)';

/** What each cohort mutation answers; each gets its own named type below. */
@ObjectType({ isAbstract: true })
export abstract class CohortPayload extends WritePayload {
  @Field(() => Cohort, { description: ANSWERED_AT_ONCE })
  cohort!: Cohort;

  @Field(() => [String], {
    description: 'Accepted, but advised against (e.g. a capacity outside 10..100); empty when all is as advised',
  })
  warnings!: string[];
}

@ObjectType({ description: 'The cohort planned' })
export class PlanCohortPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort, now open to applications' })
export class OpenApplicationsPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort, no longer taking applications' })
export class CloseApplicationsPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort with the company quota set' })
export class SetCompanyQuotaPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort with its new capacity' })
export class ChangeCapacityPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort with its settings changed' })
export class ConfigureCohortPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort, now running' })
export class StartCohortPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort, now completed' })
export class CompleteCohortPayload extends CohortPayload {}

@ObjectType({ description: 'The cohort, now cancelled' })
export class CancelCohortPayload extends CohortPayload {}

@ObjectType({ description: 'The course drafted or revised' })
export class DraftCoursePayload extends WritePayload {
  @Field(() => Course, {
    description:
      'The course as the write left it, answered at once (a mutation that changed nothing reads its position back ' +
      'from the read model)',
  })
  course!: Course;

  @Field(() => [String], { description: 'Accepted, but advised against; empty when all is as advised' })
  warnings!: string[];
}

@ObjectType({ description: 'The formation written' })
export class FormGroupsPayload extends WritePayload {
  @Field(() => CohortGroups, {
    description: 'The groups formed; waits until the read model has them (READ_MODEL_TIMEOUT after 5 s)',
  })
  groups!: CohortGroups;
}

@ObjectType({ description: 'A page of cohorts, with how many match in all' })
export class CohortConnection extends Connection(Cohort) {}
