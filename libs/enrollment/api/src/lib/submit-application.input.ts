import { ApplicationRefInput } from '@sooc/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  @Field(() => ID, { description: 'The question answered' })
  @Matches(ID_PATTERN, { message: `questionId ${ID_MESSAGE}` })
  questionId!: string;

  @Field({ description: "The answer, in the learner's words" })
  @IsString()
  answer!: string;
}

@InputType({ description: 'What the learner tells about themselves' })
export class DossierInput {
  @Field(() => String, {
    nullable: true,
    description:
      'How the learner wants to be addressed, up to 200 characters; personal data, stored encrypted with the ' +
      "learner's key and erased with it",
  })
  @IsOptional()
  @IsString()
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An e-mail address to reach the learner; personal data, stored encrypted with the learner's key",
  })
  @IsOptional()
  @IsString()
  email?: string | null;

  @Field({
    description:
      'Why this course; 1 to 4000 characters, counted as a reader sees them (grapheme clusters: an emoji or a flag ' +
      "is one); personal data, stored encrypted with the learner's key",
  })
  @IsString()
  motivation!: string;

  @Field(() => LearnerLevel, { description: 'How experienced the learner says they are; groups mix levels' })
  @IsEnum(LearnerLevel)
  level!: LearnerLevel;

  @Field(() => ID, { nullable: true, description: 'The employer sending the learner; omit for an independent learner' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `companyId ${ID_MESSAGE}` })
  companyId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'The learner agrees that their company (a partner) sees them by name in its feed, its webhooks and its ' +
      'reads of applications: their id and their application. Without it the company sees counts only. Needs a ' +
      'companyId',
  })
  @IsBoolean()
  shareWithCompany!: boolean;

  @Field(() => [AnswerInput], { defaultValue: [], description: "Answers to the cohort's questions, one per question" })
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

@InputType({
  description:
    'A learner applies to a cohort open for applications (the learner, admins); a repeat of the same dossier changes nothing',
})
export class SubmitApplicationInput extends ApplicationRefInput {
  @Field(() => DossierInput, { description: 'What the learner tells about themselves, checked against the course' })
  @ValidateNested()
  @Type(() => DossierInput)
  dossier!: DossierInput;
}
