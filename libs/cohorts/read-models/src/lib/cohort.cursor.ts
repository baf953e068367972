import { ValidationError } from '@sooc/event-sourcing';
import { decodePositionCursor, encodePositionCursor } from '@sooc/util';

const PREFIX = 'cohort:';

/** Opaque to clients: the plan position the list is ordered by. */
export function encodeCohortCursor(planPosition: string): string {
  return encodePositionCursor(PREFIX, planPosition);
}

export function decodeCohortCursor(cursor: string): string {
  const key = decodePositionCursor(PREFIX, cursor);
  if (key === null) {
    throw new ValidationError('PAGINATION.CURSOR_INVALID', 'The cursor is not one this list returned', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  }
  return key;
}
