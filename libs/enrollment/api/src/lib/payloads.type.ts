import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, PositionScalar } from '@sooc/graphql';
import { Application } from './application.type';

@ObjectType({
  description:
    'The application as the write left it. Fields the write itself decides (status, dossier, offer expiry, ' +
    'attendance) are answered at once; the others (status reason, times, reviews, decision) wait until the ' +
    'read model has the write, and fail with READ_MODEL_TIMEOUT (the write stays done) if it does not within 5 s',
})
export class ApplicationPayload {
  @Field(() => Application)
  application!: Application;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;
}

@ObjectType({ description: "A page of a cohort's applications, with how many match the filter in all" })
export class ApplicationConnection extends Connection(Application) {}
