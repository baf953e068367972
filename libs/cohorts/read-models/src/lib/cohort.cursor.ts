import { ValidationError } from '@sooc/event-sourcing';
import { isPositionKey } from '@sooc/util';

// The prefix keeps a cursor of another list from being accepted here by accident.
const PREFIX = 'cohort:';

/** Opaque to clients: base64url of the ordering key, so the encoding may change without a schema change. */
export function encodeCohortCursor(planPosition: string): string {
  return Buffer.from(`${PREFIX}${planPosition}`, 'utf8').toString('base64url');
}

export function decodeCohortCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const key = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : '';
  if (!isPositionKey(key)) {
    throw new ValidationError('PAGINATION.CURSOR_INVALID', 'The cursor is not one this list returned', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  }
  return key;
}
