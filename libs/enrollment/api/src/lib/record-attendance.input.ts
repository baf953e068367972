import { ApplicationRefInput } from '@sooc/graphql';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt } from 'class-validator';

@InputType({
  description: 'Marks a confirmed learner present or absent at one session of a running cohort (facilitators, admins)',
})
export class RecordAttendanceInput extends ApplicationRefInput {
  @Field(() => Int, { description: "1..the cohort's number of sessions" })
  @IsInt()
  session!: number;

  @Field({ description: 'false corrects an earlier mark' })
  @IsBoolean()
  attended!: boolean;
}
