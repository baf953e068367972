import { Field, InputType } from '@nestjs/graphql';
import { IsISO8601, Matches } from 'class-validator';
import { INSTANT_MESSAGE, INSTANT_PATTERN } from './input-formats';

@InputType({
  description:
    'Half-open [opensAt, closesAt): applications are accepted from opensAt until just before closesAt ' +
    '(ENROLLMENT.OUTSIDE_APPLICATION_WINDOW otherwise). openApplications before opensAt opens the window then ' +
    '(opensAt moves to that instant); at closesAt applications close by themselves (COHORT CLOSED, the window ended)',
})
export class ApplicationWindowInput {
  @Field({ description: 'ISO-8601 instant with an offset' })
  @Matches(INSTANT_PATTERN, { message: `opensAt ${INSTANT_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'opensAt is not a real date and time' })
  opensAt!: string;

  @Field({ description: 'ISO-8601 instant with an offset, after opensAt' })
  @Matches(INSTANT_PATTERN, { message: `closesAt ${INSTANT_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'closesAt is not a real date and time' })
  closesAt!: string;
}
