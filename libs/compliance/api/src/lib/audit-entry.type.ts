import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, DateTimeScalar, PositionScalar } from '@sooc/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'Who caused an event' })
export class AuditActor {
  @Field(() => ID, { description: "The token's subject (a person or a client), or the worker that acted on its own" })
  id!: string;

  @Field({
    description: 'Their role then: admin, reviewer, facilitator, compliance, partner, learner, system or anonymous',
  })
  role!: string;
}

@ObjectType({ description: 'One event of the history, as a compliance officer reads it' })
export class AuditEntry {
  @Field(() => PositionScalar, { description: 'Where the event stands in the whole history: the order of the trail' })
  position!: bigint;

  @Field(() => DateTimeScalar, { description: 'When it happened' })
  occurredAt!: string;

  @Field({ description: 'The event type, such as ApplicationSubmitted or SeatOffered' })
  type!: string;

  @Field({ description: 'The stream it belongs to, such as enrollment-<cohortId>-<learnerId>' })
  stream!: string;

  @Field(() => AuditActor, { description: 'Who caused it' })
  actor!: AuditActor;

  @Field(() => ID, {
    description: 'Shared by every event of one request and what it caused: follow it to see a whole chain',
  })
  correlationId!: string;

  @Field(() => ID, { nullable: true, description: 'The event or command that caused this one; null for a request' })
  causationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The cohort it is about, when it is about one' })
  cohortId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The learner it is about, when it is about one' })
  learnerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The enrollment it is about, when it is about one' })
  enrollmentId!: string | null;

  @Field({ description: 'One line a person reads: what happened, to whom, where' })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The reason the event gives (a decision, a withdrawal, a release); null when none',
  })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, { description: "The event's data as it was recorded" })
  data!: Record<string, unknown>;
}

@ObjectType({ description: 'A page of the audit trail' })
export class AuditEntryConnection extends Connection(AuditEntry) {}
