import { isPositionKey } from './position.key';

/**
 * A page cursor over a list ordered by a position key: base64url of `<prefix><key>`, opaque to
 * clients so the encoding may change without a schema change. The prefix keeps a cursor of one
 * list from being accepted by another.
 */
export function encodePositionCursor(prefix: string, positionKey: string): string {
  return Buffer.from(`${prefix}${positionKey}`, 'utf8').toString('base64url');
}

/** The position key, or null for anything this list did not return. */
export function decodePositionCursor(prefix: string, cursor: string): string | null {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const key = decoded.startsWith(prefix) ? decoded.slice(prefix.length) : '';
  return isPositionKey(key) ? key : null;
}
