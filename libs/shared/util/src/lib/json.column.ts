/**
 * JSON columns of the read models are written only by their projections; a value that does not
 * parse (a hand-edited row) reads as the fallback rather than failing a whole page.
 */
export function parseJsonColumn<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Integer flag columns (0/1 on both dialects) as booleans. */
export const flag = (value: number | boolean | null): boolean => value === 1 || value === true;
