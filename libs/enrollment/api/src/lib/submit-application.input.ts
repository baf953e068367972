import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LearnerLevel } from './enums';
import { LIST_CAP } from './input-formats';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';

@InputType({ description: "An answer to one of the cohort's questions" })
export class AnswerInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `questionId ${ID_MESSAGE}` })
  questionId!: string;

  @Field()
  @IsString()
  answer!: string;
}

@InputType({ description: 'What the learner tells about themselves' })
export class DossierInput {
  @Field({
    description:
      'Why this course; 1 to 4000 characters, counted as a reader sees them (grapheme clusters: an emoji or a flag is one)',
  })
  @IsString()
  motivation!: string;

  @Field(() => LearnerLevel)
  @IsEnum(LearnerLevel)
  level!: LearnerLevel;

  @Field(() => ID, { nullable: true, description: 'The employer sending the learner; omit for an independent learner' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId?: string | null;

  @Field(() => [AnswerInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @ArrayUnique((answer: AnswerInput) => answer?.questionId, {
    message: 'answers must not answer the same question twice',
  })
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers!: AnswerInput[];

  @Field(() => [String], {
    defaultValue: [],
    description: "The course prerequisites the learner meets, in the course's wording",
  })
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @IsString({ each: true })
  prerequisitesMet!: string[];
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;

  @Field(() => DossierInput)
  @ValidateNested()
  @Type(() => DossierInput)
  dossier!: DossierInput;
}
