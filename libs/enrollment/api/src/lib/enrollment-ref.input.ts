import { Field, InputType } from '@nestjs/graphql';
import { ApplicationRefInput } from '@sooc/graphql';
import { IsOptional, IsString } from 'class-validator';

@InputType({ description: 'Accepts the seat offered to the learner, before the offer expires (the learner, admins)' })
export class AcceptOfferInput extends ApplicationRefInput {}

/** Withdrawing and declining say why, optionally (the domain caps the length). */
@InputType({ isAbstract: true })
abstract class EnrollmentReasonInput extends ApplicationRefInput {
  @Field(() => String, {
    nullable: true,
    description: 'Why, up to 500 characters; kept in the history. Blank means none',
  })
  @IsOptional()
  @IsString()
  reason?: string | null;
}

@InputType({
  description:
    'Withdraws the application at any stage before completion; a held seat goes to the waitlist (the learner, admins)',
})
export class WithdrawApplicationInput extends EnrollmentReasonInput {}

@InputType({ description: 'Declines the seat offered; it goes to the next on the waitlist (the learner, admins)' })
export class DeclineOfferInput extends EnrollmentReasonInput {}
