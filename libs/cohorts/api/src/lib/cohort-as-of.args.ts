import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar, ID_MESSAGE, ID_PATTERN, PositionScalar } from '@sooc/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateNested } from 'class-validator';

@InputType({ description: 'A point of the history: an instant, or a position of the event store (give one)' })
export class AsOfInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Every event that occurred at or before this instant' })
  @IsOptional()
  @IsString()
  time?: string | null;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Every event at or before this position (a mutation answer gives the position of its write)',
  })
  @IsOptional()
  position?: bigint | null;
}

@ArgsType()
export class CohortAsOfArgs {
  @Field(() => ID, { description: 'The cohort to show' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => AsOfInput, { description: 'The point of the history to show the cohort at' })
  @ValidateNested()
  @Type(() => AsOfInput)
  at!: AsOfInput;
}
