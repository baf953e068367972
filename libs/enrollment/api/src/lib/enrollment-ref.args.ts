import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@ArgsType()
export class EnrollmentRefArgs {
  @Field(() => ID, { description: 'The cohort applied to' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID, { description: 'The learner who applied' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;
}

/** Withdrawing and declining say why, optionally (the domain caps the length). */
@ArgsType()
export class EnrollmentReasonArgs extends EnrollmentRefArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  reason?: string | null;
}
