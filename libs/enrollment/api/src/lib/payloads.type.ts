import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, PositionScalar } from '@sooc/graphql';
import { Application } from './application.type';
import { CohortGroups } from './cohort-groups.type';

@ObjectType({ description: 'The application after the write, read once the read model caught up with it' })
export class ApplicationPayload {
  @Field(() => Application)
  application!: Application;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;
}

@ObjectType({ description: 'The groups after the write, read once the read model caught up with it' })
export class GroupsPayload {
  @Field(() => CohortGroups)
  groups!: CohortGroups;

  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Position of the last event written; null when the mutation changed nothing',
  })
  position!: bigint | null;
}

@ObjectType()
export class ApplicationConnection extends Connection(Application) {}
