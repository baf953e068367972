import { Field, ObjectType } from '@nestjs/graphql';
import { PositionScalar } from './position.scalar';

/**
 * What every mutation's payload has: the position of its write, which a client passes to a
 * query's `consistentWith` to read its own write. Each mutation's payload extends it with the
 * object it changed, under its own name (`ChangeCapacityPayload`, …).
 */
@ObjectType({ isAbstract: true })
export abstract class WritePayload {
  @Field(() => PositionScalar, {
    nullable: true,
    description:
      'Position of the last event written: pass it as `consistentWith` to read this write; null when the ' +
      'mutation changed nothing (a repeat of a request already applied)',
  })
  position!: bigint | null;
}

/** The one argument of every mutation, described once. */
export const MUTATION_INPUT = {
  description:
    "The mutation's fields, checked as a whole: every bad field is reported at once (BAD_USER_INPUT with " +
    '`extensions.fields`) and nothing is written',
} as const;
