import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { IsInt, IsString, Matches } from 'class-validator';

/** Every cohort command names its cohort the same way, with the same check. */
@InputType({ isAbstract: true })
export abstract class CohortCommandInput {
  @Field(() => ID, { description: "The cohort's own id (Cohort.cohortId)" })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;
}

@InputType({ description: 'Opens a planned cohort to applications, inside its window (admins)' })
export class OpenApplicationsInput extends CohortCommandInput {}

@InputType({ description: 'Stops taking applications before the window ends (admins)' })
export class CloseApplicationsInput extends CohortCommandInput {}

@InputType({ description: 'Marks a cohort as running: its sessions have begun (admins)' })
export class StartCohortInput extends CohortCommandInput {}

@InputType({ description: 'Marks a running cohort as finished; completions are decided from attendance (admins)' })
export class CompleteCohortInput extends CohortCommandInput {}

@InputType({ description: 'Cancels a cohort that has not finished; every open offer and waitlist place ends (admins)' })
export class CancelCohortInput extends CohortCommandInput {
  @Field({ description: 'Told to every applicant still holding a seat or a waitlist place' })
  @IsString()
  reason!: string;
}

@InputType({ description: "Dedicates seats to a company: a guarantee and a cap on its employees' seats (admins)" })
export class SetCompanyQuotaInput extends CohortCommandInput {
  @Field(() => ID, { description: 'The company the seats are for' })
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId!: string;

  @Field(() => Int, { description: 'Seats dedicated to the company; 0 removes its quota' })
  @IsInt()
  seats!: number;
}

@InputType({ description: "Changes a cohort's number of seats (admins)" })
export class ChangeCapacityInput extends CohortCommandInput {
  @Field(() => Int, { description: '2..500, never below the seats taken; outside 10..100 accepted with a warning' })
  @IsInt()
  capacity!: number;
}
