/**
 * Scores (0..100, two decimals) are stored as integer hundredths: integer is portable across
 * SQLite and PostgreSQL, and exact, so keyset cursors compare equal to what they encode.
 */
export function scoreToColumn(score: number): number {
  return Math.round(score * 100);
}

export function scoreFromColumn(value: number | null): number | null {
  return value === null ? null : value / 100;
}

/** The mean of the reviewers' latest scores, rounded to two decimals, as stored (hundredths). */
export function meanScoreColumn(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 100);
}
