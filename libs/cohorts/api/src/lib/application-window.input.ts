import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '@sooc/graphql';
import { IsString } from 'class-validator';

@InputType({
  description:
    'Half-open [opensAt, closesAt): applications are accepted from opensAt until just before closesAt ' +
    '(ENROLLMENT.OUTSIDE_APPLICATION_WINDOW otherwise). openApplications before opensAt opens the window then ' +
    '(opensAt moves to that instant); at closesAt applications close by themselves (COHORT CLOSED, the window ended)',
})
export class ApplicationWindowInput {
  // The DateTime scalar has checked the instant and made it UTC; the pipe only needs to know the field.
  @Field(() => DateTimeScalar, { description: 'ISO-8601 instant with an offset' })
  @IsString()
  opensAt!: string;

  @Field(() => DateTimeScalar, { description: 'ISO-8601 instant with an offset, after opensAt' })
  @IsString()
  closesAt!: string;
}
