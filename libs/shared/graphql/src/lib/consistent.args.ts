import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from './id.format';
import { PositionScalar } from './position.scalar';

/** What `consistentWith` does, wherever a query or subscription takes it. */
export const CONSISTENT_WITH =
  'Wait until the read model reflects this position (read-your-writes): pass the `position` a mutation ' +
  "returned to read what it wrote. Omit it to read at once. A position past the store's head is refused at " +
  'once with READ_MODEL.POSITION_AHEAD; one not reached within 5 s fails with READ_MODEL_TIMEOUT';

/** `consistentWith`, which every read-model query takes the same way (read-your-writes). */
@ArgsType()
export class ConsistentArgs {
  @Field(() => PositionScalar, {
    nullable: true,
    description: CONSISTENT_WITH,
  })
  @IsOptional()
  consistentWith?: bigint | null;
}

/** A read model of one cohort: its id, and `consistentWith`. */
@ArgsType()
export class CohortQueryArgs extends ConsistentArgs {
  @Field(() => ID, { description: 'The cohort to read' })
  @Matches(ID_PATTERN, { message: `cohortId ${ID_MESSAGE}` })
  cohortId!: string;
}
