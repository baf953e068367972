import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { SelectionPolicy } from './enums';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

/** Lists are capped here only against absurd payloads; the domain enforces the real limits. */
const LIST_CAP = 100;

@InputType({ description: 'A course to draft, or the new text of a draft (same courseId)' })
export class DraftCourseInput {
  @Field(() => ID, { nullable: true, description: 'Omit it and the server generates a UUID' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `courseId ${ID_MESSAGE}` })
  courseId?: string | null;

  @Field({ description: 'Name of the course, 3 to 200 characters' })
  @IsString()
  title!: string;

  @Field({ description: 'What the course is about, for applicants; up to 2000 characters' })
  @IsString()
  summary!: string;

  @Field(() => [String], { description: 'Subjects the course covers, up to 20' })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @IsString({ each: true })
  topics!: string[];

  @Field({ description: 'BCP 47 tag, e.g. "en" or "fr-CA"' })
  @IsString()
  language!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'What an applicant must already know; an application missing one is ineligible',
  })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @IsString({ each: true })
  prerequisites!: string[];

  @Field(() => SelectionPolicy, { description: 'How applicants get seats: first come, or by review' })
  @IsEnum(SelectionPolicy)
  selectionPolicy!: SelectionPolicy;

  @Field(() => Int, { description: 'Capacity proposed to new cohorts, 2..500' })
  @IsInt()
  defaultCapacity!: number;
}
