import { ValidationError } from '@sooc/event-sourcing';

/**
 * `consistentWith` names a position the store has not reached: no write returned it, so waiting
 * for the read models could only time out. A client error, answered at once.
 */
export class PositionAheadError extends ValidationError {
  constructor(
    readonly position: bigint,
    readonly head: bigint | null,
  ) {
    const message = `Position ${position} is past the store's head (${head ?? 'empty store'}): use a position a mutation returned`;
    super('READ_MODEL.POSITION_AHEAD', message, [{ field: 'consistentWith', message }], {
      position: position.toString(),
      head: head?.toString() ?? null,
    });
  }
}
