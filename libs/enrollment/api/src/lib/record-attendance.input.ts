import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;

  @Field(() => Int, { description: "1..the cohort's number of sessions" })
  @IsInt()
  session!: number;

  @Field({ description: 'false corrects an earlier mark' })
  @IsBoolean()
  attended!: boolean;
}
