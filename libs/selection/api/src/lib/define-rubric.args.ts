import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { DefineRubricInput } from './define-rubric.input';
import { ID_MESSAGE, ID_PATTERN } from './input-formats';

@ArgsType()
export class DefineRubricArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => DefineRubricInput)
  @ValidateNested()
  @Type(() => DefineRubricInput)
  input!: DefineRubricInput;
}
