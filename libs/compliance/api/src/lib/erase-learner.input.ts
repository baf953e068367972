import { Field, ID, InputType } from '@nestjs/graphql';
import { ID_MESSAGE, ID_PATTERN } from '@sooc/graphql';
import { IsString, Matches } from 'class-validator';

@InputType({
  description:
    "Erases a learner's personal data (name, e-mail, motivation, answers) by deleting their key; the decisions about them stay",
})
export class EraseLearnerInput {
  @Field(() => ID, { description: 'The learner whose personal data goes' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;

  @Field({
    description:
      "Why, 1 to 500 characters: the request's reference (e.g. a ticket number), not its content; kept in the history",
  })
  @IsString()
  reason!: string;
}
