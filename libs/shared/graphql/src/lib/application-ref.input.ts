import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from './id.format';

/**
 * One learner's application to one cohort, named the same way (with the same checks) by the
 * enrollment and selection commands' inputs and by the `application` query's arguments.
 */
@ArgsType()
@InputType({ isAbstract: true })
export class ApplicationRefInput {
  @Field(() => ID, { description: 'The cohort applied to (Cohort.cohortId)' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID, { description: 'The learner who applied' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;
}
