import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConsistentArgs, DateTimeScalar, ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_AUDIT_PAGE = 200;

@InputType({ description: 'What to narrow the trail to; every field given must hold, none given is the whole history' })
export class AuditTrailFilterInput {
  @Field(() => ID, { nullable: true, description: 'Events about this cohort' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events about this learner' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events about this enrollment (<cohortId>-<learnerId>)' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  enrollmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One request and everything it caused' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events caused by this actor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these event types' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  types?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events that occurred at or after this instant' })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events that occurred before this instant' })
  @IsOptional()
  @IsString()
  to?: string | null;
}

@ArgsType()
export class AuditTrailArgs extends ConsistentArgs {
  @Field(() => AuditTrailFilterInput, { defaultValue: {}, description: 'What to narrow the trail to' })
  @ValidateNested()
  @Type(() => AuditTrailFilterInput)
  filter!: AuditTrailFilterInput;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1..${MAX_AUDIT_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class LearnerHistoryArgs extends ConsistentArgs {
  @Field(() => ID, { description: 'The learner' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;
}
