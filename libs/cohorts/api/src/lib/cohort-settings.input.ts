import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsArray, IsEnum, IsInt, IsNumber, IsOptional, Matches } from 'class-validator';
import { CohortCommandInput } from './cohort-commands.input';
import { WaitlistOrder } from './enums';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

/** Only the fields given change; the domain checks the bounds and keeps the rest as they are. */
@InputType({
  description:
    "Changes a cohort's settings (admins): only the fields given change, omitted (or null) ones keep their value",
})
export class ConfigureCohortInput extends CohortCommandInput {
  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list of facilitator ids' })
  @IsOptional()
  @IsArray()
  @Matches(ID_PATTERN, { each: true, message: `each facilitator ${ID_MESSAGE}` })
  facilitators?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'How long a seat offer stays open, in hours (1..720)' })
  @IsOptional()
  @IsInt()
  offerTtlHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'Group size formGroups aims at, 2..12' })
  @IsOptional()
  @IsInt()
  targetGroupSize?: number | null;

  @Field(() => WaitlistOrder, {
    nullable: true,
    description: 'How the waitlist is ordered: by arrival or by review score',
  })
  @IsOptional()
  @IsEnum(WaitlistOrder)
  waitlistOrder?: WaitlistOrder | null;

  @Field(() => Int, { nullable: true, description: 'Planned sessions, 1..200; attendance is recorded per session' })
  @IsOptional()
  @IsInt()
  sessions?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of sessions (0 < t ≤ 1) a learner must attend to complete',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  completionThreshold?: number | null;
}
