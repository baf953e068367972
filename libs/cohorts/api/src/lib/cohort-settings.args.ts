import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsString, Matches } from 'class-validator';
import { CohortIdArgs } from './cohort-id.args';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@ArgsType()
export class SetCompanyQuotaArgs extends CohortIdArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId!: string;

  @Field(() => Int, { description: 'Seats dedicated to the company; 0 removes its quota' })
  @IsInt()
  seats!: number;
}

@ArgsType()
export class ChangeCapacityArgs extends CohortIdArgs {
  @Field(() => Int, { description: '2..500, never below the seats taken; outside 10..100 accepted with a warning' })
  @IsInt()
  capacity!: number;
}

@ArgsType()
export class CancelCohortArgs extends CohortIdArgs {
  @Field({ description: 'Told to every applicant still holding a seat or a waitlist place' })
  @IsString()
  reason!: string;
}
