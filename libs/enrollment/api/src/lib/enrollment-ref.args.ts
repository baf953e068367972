import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@ArgsType()
export class EnrollmentRefArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID)
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

@ArgsType()
export class FormGroupsArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Learners per group; omit it for the cohort's targetGroupSize setting",
  })
  @IsOptional()
  @IsInt()
  targetSize?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same seed over the same learners gives the same groups; omit it for a random one',
  })
  @IsOptional()
  @IsString()
  seed?: string | null;
}
