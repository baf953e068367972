import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar, WritePayload } from '@sooc/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

export enum PersonalDataStatus {
  ACTIVE = 'active',
  ERASED = 'erased',
  UNKNOWN = 'unknown',
}
registerEnumType(PersonalDataStatus, {
  name: 'PersonalDataStatus',
  description: "Whether the system holds a learner's personal data",
  valuesMap: {
    ACTIVE: { description: "Held, sealed with the learner's key" },
    ERASED: { description: 'Erased: the key is gone and every copy reads "[erased]"' },
    UNKNOWN: { description: 'The system never held personal data of this learner' },
  },
});

@ObjectType({ description: 'The erasure, as recorded' })
export class EraseLearnerPayload extends WritePayload {
  @Field(() => ID, { description: 'The learner erased' })
  learnerId!: string;

  @Field(() => Int, { description: 'Keys deleted by this request: 0 when the learner was erased already' })
  keysDeleted!: number;

  @Field({ description: 'True when the learner was erased before and this request changed nothing' })
  alreadyErased!: boolean;
}

@ObjectType({ description: 'Everything the system holds about a learner (a subject access request), as JSON' })
export class LearnerDataExport {
  @Field(() => ID, { description: 'The learner' })
  learnerId!: string;

  @Field(() => PersonalDataStatus, { description: 'Whether their personal data is held or was erased' })
  personalData!: PersonalDataStatus;

  @Field(() => DateTimeScalar, { description: 'When the export was made' })
  exportedAt!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'The whole record: `enrollments`, each with its events (type, time, actor, reason, data with the personal fields opened, or "[erased]")',
  })
  data!: Record<string, unknown>;
}
