import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { SelectionPolicy } from './enums';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

/** Lists are capped here only against absurd payloads; the domain enforces the real limits. */
const LIST_CAP = 100;

@InputType()
export class DraftCourseInput {
  @Field(() => ID, { nullable: true, description: 'Omit it and the server generates a UUID' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `courseId ${ID_MESSAGE}` })
  courseId?: string | null;

  @Field()
  @IsString()
  title!: string;

  @Field()
  @IsString()
  summary!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @IsString({ each: true })
  topics!: string[];

  @Field({ description: 'BCP 47 tag, e.g. "en" or "fr-CA"' })
  @IsString()
  language!: string;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @IsString({ each: true })
  prerequisites!: string[];

  @Field(() => SelectionPolicy)
  @IsEnum(SelectionPolicy)
  selectionPolicy!: SelectionPolicy;

  @Field(() => Int, { description: 'Capacity proposed to new cohorts, 2..500' })
  @IsInt()
  defaultCapacity!: number;
}
