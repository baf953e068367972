import { ValidationError } from '@sooc/event-sourcing';
import { isPositionKey } from '@sooc/util';

export type ApplicationSort = 'arrival' | 'score';

/** Where a page ended: the submission position, and for score order the score (hundredths) before it. */
export interface ApplicationCursor {
  readonly sort: ApplicationSort;
  readonly score: number | null;
  readonly submittedPosition: string;
}

// The prefix names the list and its order: a cursor of another list or order is refused, not misread.
const prefix = (sort: ApplicationSort) => `applications:${sort}:`;

/** Opaque to clients: base64url of the ordering key, so the encoding may change without a schema change. */
export function encodeApplicationCursor(cursor: ApplicationCursor): string {
  const key =
    cursor.sort === 'score' ? `${cursor.score ?? 'null'}:${cursor.submittedPosition}` : cursor.submittedPosition;
  return Buffer.from(`${prefix(cursor.sort)}${key}`, 'utf8').toString('base64url');
}

function invalid(): ValidationError {
  return new ValidationError('PAGINATION.CURSOR_INVALID', 'The cursor is not one this list returned', [
    { field: 'after', message: 'invalid cursor' },
  ]);
}

export function decodeApplicationCursor(cursor: string, sort: ApplicationSort): ApplicationCursor {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(prefix(sort))) throw invalid();
  const key = decoded.slice(prefix(sort).length);
  if (sort === 'arrival') {
    if (!isPositionKey(key)) throw invalid();
    return { sort, score: null, submittedPosition: key };
  }
  const match = /^(null|\d{1,5}):(\d+)$/.exec(key);
  if (!match || !isPositionKey(match[2])) throw invalid();
  return { sort, score: match[1] === 'null' ? null : Number(match[1]), submittedPosition: match[2] };
}
