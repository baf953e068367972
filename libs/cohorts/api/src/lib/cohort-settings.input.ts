import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsArray, IsEnum, IsInt, IsNumber, IsOptional, Matches } from 'class-validator';
import { WaitlistOrder } from './enums';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

/** Only the fields given change; the domain checks the bounds and keeps the rest as they are. */
@InputType({ description: 'Settings to change; omitted (or null) fields keep their current value' })
export class CohortSettingsInput {
  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list of facilitator ids' })
  @IsOptional()
  @IsArray()
  @Matches(ID_PATTERN, { each: true, message: `each facilitator ${ID_MESSAGE}` })
  facilitators?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'How long a seat offer stays open, in hours' })
  @IsOptional()
  @IsInt()
  offerTtlHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'Group size formGroups aims at' })
  @IsOptional()
  @IsInt()
  targetGroupSize?: number | null;

  @Field(() => WaitlistOrder, { nullable: true })
  @IsOptional()
  @IsEnum(WaitlistOrder)
  waitlistOrder?: WaitlistOrder | null;

  @Field(() => Int, { nullable: true, description: 'Planned sessions' })
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
