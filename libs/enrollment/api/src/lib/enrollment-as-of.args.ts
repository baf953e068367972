import { ArgsType, Field } from '@nestjs/graphql';
import { ApplicationRefInput, AsOfInput } from '@sooc/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';

@ArgsType()
export class EnrollmentAsOfArgs extends ApplicationRefInput {
  @Field(() => AsOfInput, { description: 'The point of the history to show the application at' })
  @ValidateNested()
  @Type(() => AsOfInput)
  at!: AsOfInput;
}
