import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { CohortCommandInput } from './cohort-commands.input';

@InputType({
  description:
    "Forms (or re-forms) small groups of a cohort's confirmed learners, balanced across companies and levels (admins, facilitators)",
})
export class FormGroupsInput extends CohortCommandInput {
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
