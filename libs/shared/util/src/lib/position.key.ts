/**
 * Global positions as fixed-width decimal text: an unsigned 64-bit position has at most 20
 * digits, fits no SQLite INTEGER nor JavaScript number, and zero-padded text sorts in position
 * order on every database.
 */
export const POSITION_WIDTH = 20;

export function positionKey(position: bigint): string {
  return position.toString().padStart(POSITION_WIDTH, '0');
}

export function isPositionKey(value: string): boolean {
  return value.length === POSITION_WIDTH && /^\d+$/.test(value);
}

/** True when the event at `position` was already folded into a row whose last position is `last`. */
export function alreadyApplied(last: string, position: bigint): boolean {
  return BigInt(last) >= position;
}
